package io.hactl.shell.render;

import io.hactl.core.membership.Quorum;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code controllers} and {@code show-controller} say about controllers beyond the raw
 * snapshot: Juju's {@code ha-status}, the quorum margin and heartbeat ages. "Up" means what it
 * means in core's HA summary: the agent's heartbeat is fresh ({@code started}).
 */
public final class ControllerFacts {

  public static final String HA_ENABLED = "ha-enabled";
  public static final String HA_PENDING = "ha-pending";
  public static final String HA_DOWN = "down, lost connection";

  private ControllerFacts() {}

  /**
   * Juju's {@code ha-status}: down when its agent is, enabled when it votes as it should and is
   * up, pending while a vote is being added or removed (or the agent has not started yet); null
   * for a controller that neither has nor wants a vote, which has no HA role to report.
   */
  public static String haStatus(MachineStatus machine) {
    MemberStatus member = machine.member();
    if ("down".equals(machine.agentState())) {
      return HA_DOWN;
    }
    if (member == null || (!member.wantsVote() && !member.hasVote())) {
      return null;
    }
    boolean settled = member.wantsVote() && member.hasVote();
    return settled && "started".equals(machine.agentState()) ? HA_ENABLED : HA_PENDING;
  }

  public static boolean up(MachineStatus machine) {
    return "started".equals(machine.agentState());
  }

  /** Voters are the members with a vote in the replica set's configuration. */
  public static Quorum quorum(EnvironmentStatus status) {
    int voters = 0;
    int up = 0;
    for (MachineStatus m : status.controllers()) {
      if (m.member() != null && m.member().hasVote()) {
        voters++;
        up += up(m) ? 1 : 0;
      }
    }
    return new Quorum(voters, up);
  }

  /** How many more voters may go down before no primary can be elected; -1 when lost. */
  public static int margin(Quorum quorum) {
    return quorum.holds() ? quorum.up() - quorum.needed() : -1;
  }

  /** {@code can lose 1}, or {@code lost (1 of 3 up, 2 needed)}; {@code -} with no voters. */
  public static String quorumText(Quorum quorum) {
    if (quorum.voters() == 0) {
      return "-";
    }
    if (!quorum.holds()) {
      return "lost (" + quorum.up() + " of " + quorum.voters() + " up, " + quorum.needed()
          + " needed)";
    }
    return "can lose " + margin(quorum);
  }

  /** {@code 3s ago}, {@code 5m ago}, {@code 2h ago}; null when there was no heartbeat. */
  public static String age(Instant heartbeat, Instant now) {
    if (heartbeat == null) {
      return null;
    }
    long seconds = Math.max(0, Duration.between(heartbeat, now).toSeconds());
    if (seconds < 120) {
      return seconds + "s ago";
    }
    if (seconds < 2 * 3600) {
      return seconds / 60 + "m ago";
    }
    return seconds / 3600 + "h ago";
  }
}
