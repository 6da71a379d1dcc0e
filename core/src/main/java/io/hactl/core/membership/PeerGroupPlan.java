package io.hactl.core.membership;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the peer grouper should do in one round.
 *
 * <p>The caller applies it in this order, so has-vote never claims less than the set has:
 * record has-vote true for {@link #votesAdded()}, then step down or reconfigure, then record
 * has-vote false for {@link #votesRemoved()}. {@link #stepDownPrimary()} and {@link
 * #reconfigure()} are never both true.
 *
 * @param members the desired members, in numeric machine-id order; equal to the current
 *     configuration when nothing is to change
 * @param reconfigure whether {@code members} differs from the current configuration
 * @param stepDownPrimary whether the primary must step down (it is losing its vote); nothing else
 *     changes this round, and the next round plans from the new primary
 * @param hasVote for every controller, the has-vote to record once this round is applied
 * @param votesAdded controllers whose member gains its vote, in numeric order
 * @param votesRemoved controllers whose member loses its vote, in numeric order
 * @param problems one-line reports for status and events (empty when all is well)
 */
public record PeerGroupPlan(
    List<DesiredMember> members,
    boolean reconfigure,
    boolean stepDownPrimary,
    Map<String, Boolean> hasVote,
    List<String> votesAdded,
    List<String> votesRemoved,
    List<String> problems) {

  public PeerGroupPlan {
    members = List.copyOf(members);
    TreeMap<String, Boolean> ordered = new TreeMap<>(MachineIdOrder.ORDER);
    ordered.putAll(hasVote);
    hasVote = Collections.unmodifiableMap(ordered);
    votesAdded = List.copyOf(votesAdded);
    votesRemoved = List.copyOf(votesRemoved);
    problems = List.copyOf(problems);
    if (reconfigure && stepDownPrimary) {
      throw new IllegalArgumentException("a plan either steps the primary down or reconfigures");
    }
  }

  /** Whether this round changes nothing: the set has converged (problems may remain). */
  public boolean isSteady() {
    return !reconfigure && !stepDownPrimary;
  }

  /** How many desired members vote. */
  public int voterCount() {
    return (int) members.stream().filter(DesiredMember::voting).count();
  }
}
