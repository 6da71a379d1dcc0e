package io.hactl.core.membership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The peer grouper's invariants, checked by tests after every step. */
final class PlanInvariants {

  private PlanInvariants() {}

  /** Checks one plan against the observation it was made from. */
  static void check(PeerGroupObservation observed, PeerGroupPlan plan, Supplier<String> context) {
    Map<String, ObservedMember> current = new HashMap<>();
    observed.members().forEach(m -> current.put(m.address(), m));
    ObservedMember primary = observed.members().stream()
        .filter(m -> m.state() == MemberState.PRIMARY).findFirst().orElse(null);
    require(!(plan.reconfigure() && plan.stepDownPrimary()), "both reconfigure and step down",
        context);
    if (plan.stepDownPrimary()) {
      require(primary != null, "step down without a primary", context);
      boolean primaryWantsVote = observed.controllers().stream()
          .anyMatch(c -> primary.address().equals(c.address()) && c.wantsVote());
      require(!primaryWantsVote, "stepping down a primary that wants its vote", context);
    }
    if (!plan.reconfigure()) {
      return;
    }
    List<DesiredMember> voters = plan.members().stream().filter(DesiredMember::voting).toList();
    checkCount(voters.size(), context);
    require(primary != null && voters.stream().anyMatch(v -> v.address().equals(primary.address())),
        "reconfiguration takes the primary's vote", context);
    long healthy = voters.stream()
        .filter(v -> current.containsKey(v.address()) && current.get(v.address()).healthy())
        .count();
    require(healthy * 2 > voters.size(), "voters without a healthy majority", context);
    for (DesiredMember m : plan.members()) {
      require(current.containsKey(m.address()) || !m.voting(),
          "new member " + m.address() + " added as a voter", context);
      require(m.votes() == m.priority(), "votes and priority differ", context);
    }
  }

  /** Checks a configuration actually in place. */
  static void checkConfiguration(List<String> voters, String primary, Supplier<String> context) {
    checkCount(voters.size(), context);
    require(primary == null || voters.contains(primary), "primary " + primary + " has no vote",
        context);
  }

  private static void checkCount(int voters, Supplier<String> context) {
    require(voters % 2 == 1, voters + " voters: not odd", context);
    require(voters <= PeerGroupPlanner.MAX_VOTERS, voters + " voters: more than 7", context);
  }

  private static void require(boolean ok, String what, Supplier<String> context) {
    if (!ok) {
      throw new AssertionError("invariant broken: " + what + "\n" + context.get());
    }
  }
}
