package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the replica set's membership from the controllers' wants-vote and their members' health:
 * the pure half of the peer grouper. No I/O, stateless, thread-safe; lists in numeric id order.
 *
 * <p>Per controller with an address (one without is not provisioned and is skipped):
 *
 * <ul>
 *   <li>wants a vote and votes: keep the vote;
 *   <li>wants a vote, member not voting: give the vote only when {@link
 *       ObservedMember#readyToVote() ready} (healthy, PRIMARY/SECONDARY, caught up);
 *   <li>no member yet: add one, always non-voting first;
 *   <li>does not want a vote but votes: remove the vote;
 *   <li>otherwise: keep it as a non-voting member.
 * </ul>
 *
 * Members that belong to no controller are dropped once they no longer vote.
 *
 * <p>Stepping rule (one round = one step = at most one reconfiguration):
 *
 * <ol>
 *   <li>If a member belongs to no controller and votes, or no member is PRIMARY, nothing changes
 *       and a problem is reported: the planner never guesses which voter is the stray one.
 *   <li>The primary keeps its vote in every reconfiguration. If its controller does not want a
 *       vote, the other changes are made first; only when nothing else is left to change does the
 *       plan ask it to step down (and nothing else), provided a healthy SECONDARY voter that keeps
 *       its vote can take over. The next round, planned under the new primary, removes its vote.
 *   <li>At most {@link #MAX_VOTES_ADDED} votes are given per round (highest ids wait): growing
 *       1 -> 3 -> 5 -> 7 never adds a majority of voters at once, which Raft (and mongod) treat
 *       as unsafe, and an odd count stays odd.
 *   <li>At most 7 voters: excess additions wait (highest ids first).
 *   <li>Voters stay odd: if the additions make the count even, the highest-id addition waits;
 *       if there are no additions, one more non-primary voter is demoted to a non-voting standby
 *       (an unhealthy one first, then the highest id). Since the primary always keeps its vote,
 *       the count never drops to zero.
 *   <li>A reconfiguration whose voters would not have a healthy majority is not made (a problem
 *       is reported instead): removing healthy voters while down ones keep their votes waits.
 * </ol>
 *
 * <p>Invariants of every plan: voters odd, at least 1, at most 7; the current primary votes
 * unless the plan steps it down; a reconfiguration leaves a healthy majority of voters; a
 * member is never added as a voter; {@code reconfigure} is true
 * exactly when the desired members differ from the current ones.
 */
public final class PeerGroupPlanner {

  /** MongoDB allows at most 7 voting members. */
  public static final int MAX_VOTERS = 7;

  /** Votes given in one reconfiguration, at most. */
  public static final int MAX_VOTES_ADDED = 2;

  /** Plans one round. */
  public PeerGroupPlan plan(PeerGroupObservation observed) {
    Map<String, ObservedMember> byAddress = new HashMap<>();
    observed.members().forEach(m -> byAddress.put(m.address(), m));
    Map<String, PeerController> byControllerAddress = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (PeerController c : observed.controllers()) {
      if (c.address() != null) {
        PeerController other = byControllerAddress.putIfAbsent(c.address(), c);
        if (other != null) {
          problems.add("controllers " + other.machineId() + " and " + c.machineId()
              + " share the member address " + c.address() + "; fix their addresses in state");
        }
      }
    }
    for (ObservedMember m : sortedMembers(observed)) {
      if (m.voting() && !byControllerAddress.containsKey(m.address())) {
        problems.add("voting member " + m.address() + " belongs to no controller; remove it from"
            + " the replica set by hand or restore its controller");
      }
    }
    Optional<ObservedMember> primary =
        observed.members().stream().filter(m -> m.state() == MemberState.PRIMARY).findFirst();
    if (primary.isEmpty()) {
      problems.add("no member is PRIMARY; membership changes wait for an election");
    }
    if (!problems.isEmpty()) {
      return PeerGroupPlans.unchanged(observed, byControllerAddress, problems);
    }
    VoteChanges changes = VoteChanges.classify(observed, byAddress, primary.get().address());
    String leavingPrimary = changes.keepLeavingPrimary();
    changes.capAdditions(MAX_VOTES_ADDED);
    changes.capVoters(MAX_VOTERS);
    changes.keepVotersOdd(byAddress);
    PeerGroupPlan plan = PeerGroupPlans.fromChanges(observed, changes);
    if (plan.reconfigure() && !changes.votersHaveHealthyMajority(byAddress)) {
      // MongoDB refuses such a configuration, and it could not elect a primary anyway.
      problems.add("the planned voters (machines " + String.join(", ", changes.voters())
          + ") would lack a healthy majority; waiting for members to recover or for enable-ha"
          + " to demote the down ones");
      return PeerGroupPlans.unchanged(observed, byControllerAddress, problems);
    }
    if (plan.reconfigure() || leavingPrimary == null) {
      return plan;
    }
    if (changes.hasHealthyStayingSecondary(byAddress)) {
      return PeerGroupPlans.stepDown(observed, byControllerAddress);
    }
    return PeerGroupPlans.withProblem(plan, "primary machine " + leavingPrimary + " should lose its"
        + " vote but no healthy secondary voter can take over; waiting for one");
  }

  private static List<ObservedMember> sortedMembers(PeerGroupObservation observed) {
    List<ObservedMember> members = new ArrayList<>(observed.members());
    members.sort((a, b) -> a.address().compareTo(b.address()));
    return members;
  }
}
