package io.hactl.tui;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;

/**
 * Juju's "HA n/m": of the {@code wanted} voting controllers, how many are {@code healthy}
 * (voting, and PRIMARY or SECONDARY). An environment without controllers has no HA at all.
 *
 * @param healthy voting controllers whose member is PRIMARY or SECONDARY
 * @param wanted controllers that should vote
 */
public record HaSummary(int healthy, int wanted) {

  public static HaSummary of(EnvironmentStatus status) {
    int healthy = 0;
    int wanted = 0;
    for (MachineStatus controller : status.controllers()) {
      MemberStatus member = controller.member();
      if (member == null || member.wantsVote()) {
        wanted++;
      }
      if (member != null && member.hasVote() && isHealthy(member.state())) {
        healthy++;
      }
    }
    return new HaSummary(healthy, wanted);
  }

  private static boolean isHealthy(String state) {
    return "PRIMARY".equals(state) || "SECONDARY".equals(state);
  }

  /** Whether any controller wants a vote. */
  public boolean present() {
    return wanted > 0;
  }

  /** Whether fewer controllers are healthy than wanted. */
  public boolean degraded() {
    return healthy < wanted;
  }

  /** {@code 1/1}, {@code 2/3}, or {@code none}. */
  public String text() {
    return present() ? healthy + "/" + wanted : "none";
  }
}
