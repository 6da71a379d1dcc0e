package io.hactl.core.membership;

import io.hactl.core.state.Event;
import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberSpec;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's peer grouper: each round observes the controllers in state and the replica set,
 * plans with {@link PeerGroupPlanner}, and applies in the order the plan requires: has-vote set
 * before a vote is given, the reconfiguration or step-down, has-vote cleared after a vote is
 * taken. It reconfigures only when the plan says something changes, and records each change
 * as an event. One thread calls {@link #runOnce()}.
 */
public final class PeerGrouperWorker {

  /**
   * A member this many log entries or fewer behind the primary is caught up enough to vote.
   * Heartbeats alone add a few entries a second, so zero would never be reached under load.
   */
  static final long CAUGHT_UP_LAG = 200;

  /**
   * How long a non-voting member must have looked ready (healthy, SECONDARY, caught up) before
   * it gets a vote: a member that only flickers into "caught up" between two bursts of writes
   * would otherwise get a vote it cannot yet use, and a voter that cannot keep up slows every
   * commit. One round of observation more is enough to tell the two apart.
   */
  static final Duration SETTLE_BEFORE_VOTE = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(PeerGrouperWorker.class);

  private final StateStore state;
  private final String machineId;
  private final Clock clock;
  private final PeerGroupPlanner planner = new PeerGroupPlanner();
  private List<String> lastProblems = List.of();
  /** When each member was first seen ready to vote, without a break since. */
  private final Map<String, Instant> readySince = new HashMap<>();

  /** Whether a member not yet in the set listens at an address, so it can be added. */
  @FunctionalInterface
  public interface Listening {
    boolean at(String address);
  }

  private final Listening listening;

  /** A peer grouper that adds every provisioned controller at once. */
  public PeerGrouperWorker(StateStore state, String machineId, Clock clock) {
    this(state, machineId, clock, address -> true);
  }

  /**
   * @param listening asked for each controller whose member is not in the set yet: only those
   *     that listen are added this round. A reconfiguration naming a member that does not answer
   *     yet is refused as a whole, so without this the first new member would wait for the
   *     slowest one to start
   */
  public PeerGrouperWorker(StateStore state, String machineId, Clock clock,
      Listening listening) {
    this.state = state;
    this.machineId = machineId;
    this.clock = clock;
    this.listening = listening;
  }

  public PeerGroupPlan runOnce() {
    List<Machine> machines = state.machines();
    List<MemberView> members = state.members();
    PeerGroupPlan plan = planner.plan(settled(listeningOnly(observe(machines, members)),
        clock.instant()));
    reportProblems(plan.problems());

    Map<String, Boolean> recorded = machines.stream()
        .collect(Collectors.toMap(Machine::id, Machine::hasVote));
    for (String id : plan.votesAdded()) {
      state.setHasVote(id, true);
    }
    if (plan.stepDownPrimary()) {
      event("election", "asked the primary to step down: its machine no longer wants a vote");
      state.stepDownPrimary();
      return plan;
    }
    if (plan.reconfigure()) {
      state.reconfigure(plan.members().stream()
          .map(m -> new MemberSpec(m.address(), m.votes(), m.priority()))
          .toList());
      event("reconfig", describe(plan));
    }
    for (String id : plan.votesRemoved()) {
      state.setHasVote(id, false);
    }
    // has-vote follows the real set even when this round changed nothing (e.g. after a
    // master that died between reconfiguring and recording).
    plan.hasVote().forEach((id, vote) -> {
      if (!plan.votesAdded().contains(id) && !plan.votesRemoved().contains(id)
          && !Objects.equals(recorded.get(id), vote) && recorded.containsKey(id)) {
        state.setHasVote(id, vote);
      }
    });
    return plan;
  }

  /** Treats controllers whose new member does not listen yet as not provisioned yet. */
  private PeerGroupObservation listeningOnly(PeerGroupObservation observed) {
    Set<String> inSet = observed.members().stream().map(ObservedMember::address)
        .collect(Collectors.toSet());
    List<PeerController> controllers = observed.controllers().stream()
        .map(c -> c.address() == null || inSet.contains(c.address()) || listening.at(c.address())
            ? c : new PeerController(c.machineId(), null, c.wantsVote()))
        .toList();
    return new PeerGroupObservation(controllers, observed.members());
  }

  /** Marks members that have looked ready for less than {@link #SETTLE_BEFORE_VOTE} as not yet. */
  private PeerGroupObservation settled(PeerGroupObservation observed, Instant now) {
    readySince.keySet().retainAll(observed.members().stream()
        .filter(ObservedMember::readyToVote).map(ObservedMember::address).toList());
    List<ObservedMember> members = observed.members().stream().map(m -> {
      if (m.voting() || !m.readyToVote()) {
        return m;
      }
      Instant since = readySince.computeIfAbsent(m.address(), a -> now);
      boolean settledLongEnough = Duration.between(since, now).compareTo(SETTLE_BEFORE_VOTE) >= 0;
      return settledLongEnough ? m
          : new ObservedMember(m.address(), false, m.state(), m.healthy(), false);
    }).toList();
    return new PeerGroupObservation(observed.controllers(), members);
  }

  static PeerGroupObservation observe(List<Machine> machines, List<MemberView> members) {
    List<PeerController> controllers = machines.stream()
        .filter(Machine::isController)
        .map(m -> new PeerController(m.id(), m.stateAddress(), m.wantsVote()))
        .toList();
    long primaryPosition = members.stream()
        .filter(m -> "PRIMARY".equals(m.state()))
        .mapToLong(MemberView::position).max().orElse(-1);
    List<ObservedMember> observed = members.stream()
        .map(m -> new ObservedMember(m.address(), m.voting(), MemberState.parse(m.state()),
            m.healthy(), m.position() >= 0 && primaryPosition - m.position() <= CAUGHT_UP_LAG))
        .toList();
    return new PeerGroupObservation(controllers, observed);
  }

  private static String describe(PeerGroupPlan plan) {
    String voters = plan.members().stream().filter(DesiredMember::voting)
        .map(PeerGrouperWorker::name).collect(Collectors.joining(", "));
    String others = plan.members().stream().filter(m -> !m.voting())
        .map(PeerGrouperWorker::name).collect(Collectors.joining(", "));
    return "replica set reconfigured: voters " + voters
        + (others.isEmpty() ? "" : "; non-voting " + others);
  }

  private static String name(DesiredMember m) {
    return m.machineId() == null ? m.address() : "machine " + m.machineId();
  }

  private void reportProblems(List<String> problems) {
    if (!problems.equals(lastProblems)) {
      problems.forEach(p -> LOG.warn("peer grouper: {}", p));
      lastProblems = problems;
    }
  }

  private void event(String kind, String message) {
    LOG.info(message);
    state.recordEvent(new Event(clock.instant(), kind, machineId, message));
  }
}
