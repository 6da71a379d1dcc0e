package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working sets of one {@link PeerGroupPlanner} round: which controllers keep, gain or lose a
 * vote. Used by one thread for one plan, then dropped; every list is kept in numeric id order.
 */
final class VoteChanges {

  private final Map<String, String> addressById;
  private final String primaryId;
  private final List<String> keep = new ArrayList<>();
  private final List<String> add = new ArrayList<>();
  private final List<String> remove = new ArrayList<>();

  private VoteChanges(Map<String, String> addressById, String primaryId) {
    this.addressById = addressById;
    this.primaryId = primaryId;
  }

  /** Sorts the provisioned controllers into keep / add / remove by wants-vote and health. */
  static VoteChanges classify(PeerGroupObservation observed, Map<String, ObservedMember> byAddress,
      String primaryAddress) {
    List<PeerController> controllers = new ArrayList<>();
    for (PeerController c : observed.controllers()) {
      if (c.address() != null) {
        controllers.add(c);
      }
    }
    controllers.sort((a, b) -> MachineIdOrder.compare(a.machineId(), b.machineId()));
    Map<String, String> addressById = new HashMap<>();
    String primaryId = null;
    for (PeerController c : controllers) {
      addressById.put(c.machineId(), c.address());
      if (c.address().equals(primaryAddress)) {
        primaryId = c.machineId();
      }
    }
    VoteChanges changes = new VoteChanges(addressById, primaryId);
    for (PeerController c : controllers) {
      ObservedMember m = byAddress.get(c.address());
      boolean voting = m != null && m.voting();
      if (c.wantsVote() && voting) {
        changes.keep.add(c.machineId());
      } else if (c.wantsVote() && m != null && m.readyToVote()) {
        changes.add.add(c.machineId());
      } else if (!c.wantsVote() && voting) {
        changes.remove.add(c.machineId());
      }
      // Everything else stays, or is created, as a non-voting member.
    }
    return changes;
  }

  /**
   * If the primary's controller no longer wants a vote, keeps its vote for this round anyway
   * (the primary must step down before losing it) and returns its machine id; else null.
   */
  String keepLeavingPrimary() {
    if (primaryId != null && remove.remove(primaryId)) {
      keep.add(primaryId);
      keep.sort(MachineIdOrder.ORDER);
      return primaryId;
    }
    return null;
  }

  /** Lets the highest-id additions wait beyond {@code max} in one round. */
  void capAdditions(int max) {
    while (add.size() > max) {
      add.remove(add.size() - 1);
    }
  }

  /** Lets the highest-id additions wait while the voters would exceed {@code max}. */
  void capVoters(int max) {
    while (keep.size() + add.size() > max && !add.isEmpty()) {
      add.remove(add.size() - 1);
    }
  }

  /**
   * Makes the voter count odd: the highest-id addition waits, or with no additions one more
   * non-primary voter is demoted (an unhealthy one first, then the highest id).
   */
  void keepVotersOdd(Map<String, ObservedMember> byAddress) {
    if ((keep.size() + add.size()) % 2 == 1) {
      return;
    }
    if (!add.isEmpty()) {
      add.remove(add.size() - 1);
      return;
    }
    Comparator<String> unhealthyFirstThenHighest = Comparator
        .comparing((String id) -> isHealthy(id, byAddress))
        .thenComparing(MachineIdOrder.ORDER.reversed());
    Optional<String> demote = keep.stream()
        .filter(id -> !id.equals(primaryId))
        .min(unhealthyFirstThenHighest);
    // keep holds the primary, so an even count of at least 2 always has a non-primary voter.
    demote.ifPresent(id -> {
      keep.remove(id);
      remove.add(id);
      remove.sort(MachineIdOrder.ORDER);
    });
  }

  /** Whether a voter other than the primary, keeping its vote, is a healthy SECONDARY. */
  boolean hasHealthyStayingSecondary(Map<String, ObservedMember> byAddress) {
    return keep.stream()
        .filter(id -> !id.equals(primaryId))
        .map(id -> byAddress.get(addressById.get(id)))
        .anyMatch(m -> m != null && m.healthy() && m.state() == MemberState.SECONDARY);
  }

  /** Whether more than half of the voters after this round are healthy members. */
  boolean votersHaveHealthyMajority(Map<String, ObservedMember> byAddress) {
    List<String> voters = voters();
    long healthy = voters.stream().filter(id -> isHealthy(id, byAddress)).count();
    return healthy * 2 > voters.size();
  }

  /** The controllers whose members vote after this round, in numeric order. */
  List<String> voters() {
    List<String> voters = new ArrayList<>(keep);
    voters.addAll(add);
    voters.sort(MachineIdOrder.ORDER);
    return voters;
  }

  boolean votes(String machineId) {
    return keep.contains(machineId) || add.contains(machineId);
  }

  List<String> added() {
    return List.copyOf(add);
  }

  List<String> removed() {
    return List.copyOf(remove);
  }

  private boolean isHealthy(String id, Map<String, ObservedMember> byAddress) {
    ObservedMember m = byAddress.get(addressById.get(id));
    return m != null && m.healthy();
  }
}
