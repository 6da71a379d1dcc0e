package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link PeerGroupPlan}s for {@link PeerGroupPlanner}; every list in numeric id order. */
final class PeerGroupPlans {

  private PeerGroupPlans() {}

  /** The configuration as it is, has-vote synced from it, and the problems that stopped change. */
  static PeerGroupPlan unchanged(PeerGroupObservation observed,
      Map<String, PeerController> byControllerAddress, List<String> problems) {
    return asIs(observed, byControllerAddress, false, problems);
  }

  /** Only a step-down of the primary; the configuration stays as it is. */
  static PeerGroupPlan stepDown(PeerGroupObservation observed,
      Map<String, PeerController> byControllerAddress) {
    return asIs(observed, byControllerAddress, true, List.of());
  }

  /** The configuration the changes ask for: one member per provisioned controller. */
  static PeerGroupPlan fromChanges(PeerGroupObservation observed, VoteChanges changes) {
    List<DesiredMember> members = new ArrayList<>();
    Map<String, Boolean> hasVote = new HashMap<>();
    for (PeerController c : observed.controllers()) {
      boolean votes = c.address() != null && changes.votes(c.machineId());
      hasVote.put(c.machineId(), votes);
      if (c.address() != null) {
        members.add(new DesiredMember(c.machineId(), c.address(), votes));
      }
    }
    members.sort((a, b) -> MachineIdOrder.compare(a.machineId(), b.machineId()));
    Map<String, Boolean> current = new HashMap<>();
    observed.members().forEach(m -> current.put(m.address(), m.voting()));
    Map<String, Boolean> desired = new HashMap<>();
    members.forEach(m -> desired.put(m.address(), m.voting()));
    return new PeerGroupPlan(members, !desired.equals(current), false, hasVote,
        changes.added(), changes.removed(), List.of());
  }

  /** The same plan with one more problem reported. */
  static PeerGroupPlan withProblem(PeerGroupPlan plan, String problem) {
    List<String> problems = new ArrayList<>(plan.problems());
    problems.add(problem);
    return new PeerGroupPlan(plan.members(), plan.reconfigure(), plan.stepDownPrimary(),
        plan.hasVote(), plan.votesAdded(), plan.votesRemoved(), problems);
  }

  private static PeerGroupPlan asIs(PeerGroupObservation observed,
      Map<String, PeerController> byControllerAddress, boolean stepDown, List<String> problems) {
    List<DesiredMember> members = new ArrayList<>();
    for (ObservedMember m : observed.members()) {
      PeerController owner = byControllerAddress.get(m.address());
      members.add(new DesiredMember(owner == null ? null : owner.machineId(), m.address(),
          m.voting()));
    }
    // Controllers' members in id order, then strays by address.
    members.sort((a, b) -> {
      if (a.machineId() == null || b.machineId() == null) {
        return a.machineId() == null
            ? (b.machineId() == null ? a.address().compareTo(b.address()) : 1) : -1;
      }
      return MachineIdOrder.compare(a.machineId(), b.machineId());
    });
    Map<String, Boolean> hasVote = new HashMap<>();
    for (PeerController c : observed.controllers()) {
      hasVote.put(c.machineId(), members.stream().anyMatch(
          m -> c.machineId().equals(m.machineId()) && m.voting()));
    }
    return new PeerGroupPlan(members, false, stepDown, hasVote, List.of(), List.of(), problems);
  }
}
