package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compact notation for peer-grouper test tables.
 *
 * <ul>
 *   <li>Controllers: {@code "0W 1W 2 3W@"}: id, W if it wants a vote, @ if not provisioned yet.
 *   <li>Members: {@code "0VP 1VS 2N2l 3VDu"}: the owning machine id (any id: 9 is a stray when
 *       no controller 9 exists), V voting or N not, the state (P primary, S secondary, 2
 *       STARTUP2, R recovering, D down), then u if unhealthy and l if lagging. DOWN members are
 *       unhealthy.
 * </ul>
 *
 * Member addresses are {@code 127.0.0.1:<37000 + id>}.
 */
final class PeerSpec {

  private PeerSpec() {}

  static String address(String machineId) {
    return "127.0.0.1:" + (37000 + Integer.parseInt(machineId));
  }

  static String idOf(String address) {
    return Integer.toString(Integer.parseInt(address.substring(address.indexOf(':') + 1)) - 37000);
  }

  static PeerGroupObservation observation(String controllers, String members) {
    return new PeerGroupObservation(controllers(controllers), members(members));
  }

  static List<PeerController> controllers(String spec) {
    List<PeerController> out = new ArrayList<>();
    for (String token : tokens(spec)) {
      String id = token.replaceAll("[^0-9]", "");
      out.add(new PeerController(id, token.contains("@") ? null : address(id),
          token.contains("W")));
    }
    return out;
  }

  static List<ObservedMember> members(String spec) {
    List<ObservedMember> out = new ArrayList<>();
    for (String token : tokens(spec)) {
      String id = token.replaceAll("[^0-9].*", "");
      String flags = token.substring(id.length());
      MemberState state = switch (flags.charAt(1)) {
        case 'P' -> MemberState.PRIMARY;
        case 'S' -> MemberState.SECONDARY;
        case '2' -> MemberState.STARTUP2;
        case 'R' -> MemberState.RECOVERING;
        case 'D' -> MemberState.DOWN;
        default -> throw new IllegalArgumentException("unknown state in " + token);
      };
      boolean healthy = state != MemberState.DOWN && !flags.contains("u");
      out.add(new ObservedMember(address(id), flags.charAt(0) == 'V', state, healthy,
          !flags.contains("l")));
    }
    return out;
  }

  /**
   * A one-line summary of a plan: its action ({@code reconfigure}, {@code step-down} or
   * {@code steady}), the voters, the members, and how many problems it reports.
   */
  static String summary(PeerGroupPlan plan) {
    String action = plan.reconfigure() ? "reconfigure"
        : plan.stepDownPrimary() ? "step-down" : "steady";
    String voters = plan.members().stream().filter(DesiredMember::voting)
        .map(m -> idOf(m.address())).collect(Collectors.joining(","));
    String members = plan.members().stream().map(m -> idOf(m.address()))
        .collect(Collectors.joining(","));
    String summary = action + " voters=" + voters + " members=" + members;
    return plan.problems().isEmpty() ? summary : summary + " problems=" + plan.problems().size();
  }

  private static String[] tokens(String spec) {
    return spec.isBlank() ? new String[0] : spec.trim().split("\\s+");
  }
}
