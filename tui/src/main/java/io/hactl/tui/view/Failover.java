package io.hactl.tui.view;

import java.time.Duration;
import java.time.Instant;

/**
 * A change of master as the dashboard watched it: the old master lost, then (once elected) the
 * new one. Shown in the header while it happens and for a while after, so that an operator who
 * looks up sees the transition, not only its result.
 *
 * @param oldMaster the machine that was master
 * @param lostAt the old master's last heartbeat, or when the loss was first seen
 * @param newMaster the machine elected, or null while the election is under way
 * @param electedAt when the new master took over (its election event, else when seen)
 */
public record Failover(String oldMaster, Instant lostAt, String newMaster, Instant electedAt) {

  /** How long the environment was without a master, or null while it still is. */
  public Duration duration() {
    if (electedAt == null) {
      return null;
    }
    Duration d = Duration.between(lostAt, electedAt);
    return d.isNegative() ? Duration.ZERO : d;
  }

  public boolean inProgress() {
    return newMaster == null;
  }
}
