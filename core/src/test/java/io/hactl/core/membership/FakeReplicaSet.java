package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A replica set simulated in memory, driven by {@link PeerGroupPlanner} the way the peer grouper
 * drives a real one: observe, plan, apply. Every plan and every resulting configuration is
 * checked against the invariants ({@link PlanInvariants}); a violation fails with the history.
 */
final class FakeReplicaSet {

  /** One member; mutable because the simulation owns it. */
  static final class Member {
    boolean voting;
    MemberState state;
    boolean alive = true;
    boolean caughtUp;

    Member(boolean voting, MemberState state, boolean caughtUp) {
      this.voting = voting;
      this.state = state;
      this.caughtUp = caughtUp;
    }
  }

  private final PeerGroupPlanner planner = new PeerGroupPlanner();
  private final TreeMap<String, PeerController> controllers = new TreeMap<>(MachineIdOrder.ORDER);
  private final TreeMap<String, Member> members = new TreeMap<>(); // by machine id of its address
  private final List<String> history = new ArrayList<>();
  private String steppedDown;

  /** One controller, 0, whose member is the only voter and primary. */
  static FakeReplicaSet bootstrapped() {
    FakeReplicaSet set = new FakeReplicaSet();
    set.controllers.put("0", new PeerController("0", PeerSpec.address("0"), true));
    set.members.put("0", new Member(true, MemberState.PRIMARY, true));
    return set;
  }

  void addController(String id, boolean wantsVote) {
    note("add controller " + id);
    controllers.put(id, new PeerController(id, PeerSpec.address(id), wantsVote));
  }

  void setWantsVote(String id, boolean wantsVote) {
    note("controller " + id + " wants-vote " + wantsVote);
    controllers.put(id, new PeerController(id, PeerSpec.address(id), wantsVote));
  }

  void removeController(String id) {
    note("remove controller " + id);
    controllers.remove(id);
  }

  void kill(String id) {
    note("kill " + id);
    Member m = members.get(id);
    m.alive = false;
    m.state = MemberState.DOWN;
    elect();
  }

  void revive(String id) {
    note("revive " + id);
    Member m = members.get(id);
    m.alive = true;
    m.state = MemberState.SECONDARY;
    m.caughtUp = false;
    elect();
  }

  void catchUp(String id) {
    Member m = members.get(id);
    if (m.alive) {
      m.caughtUp = true;
      m.state = m.state == MemberState.PRIMARY ? m.state : MemberState.SECONDARY;
    }
  }

  void catchUpAll() {
    members.keySet().forEach(this::catchUp);
  }

  PeerGroupObservation observe() {
    List<ObservedMember> observed = new ArrayList<>();
    members.forEach((id, m) -> observed.add(new ObservedMember(PeerSpec.address(id), m.voting,
        m.state, m.alive, m.caughtUp)));
    return new PeerGroupObservation(List.copyOf(controllers.values()), observed);
  }

  /** One peer-grouper round: plan, check, apply, check the new configuration. */
  PeerGroupPlan step() {
    PeerGroupObservation observed = observe();
    PeerGroupPlan plan = planner.plan(observed);
    note("plan: " + PeerSpec.summary(plan) + " " + plan.problems());
    PlanInvariants.check(observed, plan, this::describe);
    if (plan.stepDownPrimary()) {
      members.forEach((id, m) -> {
        if (m.state == MemberState.PRIMARY) {
          m.state = MemberState.SECONDARY;
          steppedDown = id;
        }
      });
      elect();
    } else if (plan.reconfigure()) {
      Map<String, Member> next = new HashMap<>();
      for (DesiredMember d : plan.members()) {
        Member m = members.getOrDefault(d.machineId(),
            new Member(false, MemberState.STARTUP2, false));
        m.voting = d.voting();
        next.put(d.machineId(), m);
      }
      members.clear();
      members.putAll(next);
      steppedDown = null;
    }
    PlanInvariants.checkConfiguration(voters(), primary(), this::describe);
    return plan;
  }

  /** Catches every live member up and runs rounds until one is steady; returns the rounds. */
  int settle(int maxRounds) {
    for (int round = 1; round <= maxRounds; round++) {
      catchUpAll();
      if (step().isSteady()) {
        return round;
      }
    }
    throw new AssertionError("no steady plan within " + maxRounds + " rounds\n" + describe());
  }

  /** Elects the lowest-id live voter when there is no primary and a majority of voters lives. */
  private void elect() {
    if (primary() != null) {
      return;
    }
    List<String> voters = voters();
    List<String> alive = voters.stream().filter(id -> members.get(id).alive).toList();
    if (alive.size() * 2 <= voters.size()) {
      return;
    }
    String chosen = alive.stream().filter(id -> !id.equals(steppedDown)).findFirst()
        .orElse(alive.get(0));
    members.get(chosen).state = MemberState.PRIMARY;
    note("elected " + chosen);
  }

  List<String> voters() {
    return members.entrySet().stream().filter(e -> e.getValue().voting).map(Map.Entry::getKey)
        .sorted(MachineIdOrder.ORDER).toList();
  }

  String primary() {
    return members.entrySet().stream().filter(e -> e.getValue().state == MemberState.PRIMARY)
        .map(Map.Entry::getKey).findFirst().orElse(null);
  }

  Map<String, PeerController> controllers() {
    return controllers;
  }

  Map<String, Member> members() {
    return members;
  }

  String describe() {
    return String.join("\n", history);
  }

  private void note(String line) {
    history.add(line);
  }
}
