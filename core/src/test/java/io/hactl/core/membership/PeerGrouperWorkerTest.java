package io.hactl.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberSpec;
import io.hactl.core.state.MemberView;
import io.hactl.core.testing.InMemoryStateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peer grouper's loop half, over an in-memory state store that records what it applies. */
class PeerGrouperWorkerTest {

  private final InMemoryStateStore state = new InMemoryStateStore();
  private Instant now = Instant.parse("2026-11-25T12:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  };
  private final PeerGrouperWorker worker = new PeerGrouperWorker(state, "0", clock);

  private void controller(String id, boolean wantsVote, boolean hasVote) {
    state.put(new Machine(id, List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
        Machine.ALIVE, "i-" + id, List.of("127.0.0.1"), Map.of("state", 4000 + Integer.parseInt(id)),
        wantsVote, hasVote, Map.of(), null, null));
  }

  private static MemberView member(String id, String state, boolean voting, long position) {
    return new MemberView("127.0.0.1:" + (4000 + Integer.parseInt(id)), state, true, voting,
        position);
  }

  @Test
  void addsNewControllersAsNonVotingMembersFirst() {
    controller("0", true, true);
    controller("1", true, false);
    controller("2", true, false);
    state.members = new ArrayList<>(List.of(member("0", "PRIMARY", true, 100)));

    PeerGroupPlan plan = worker.runOnce();

    assertThat(plan.reconfigure()).isTrue();
    assertThat(state.reconfigurations).singleElement().isEqualTo(List.of(
        new MemberSpec("127.0.0.1:4000", 1, 1),
        new MemberSpec("127.0.0.1:4001", 0, 0),
        new MemberSpec("127.0.0.1:4002", 0, 0)));
    assertThat(state.machine("1").orElseThrow().hasVote()).isFalse();
    assertThat(state.events).extracting(e -> e.kind()).containsExactly("reconfig");
  }

  @Test
  void addsTheNewMembersThatListenWithoutWaitingForTheSlowestToStart() {
    controller("0", true, true);
    controller("1", true, false);
    controller("2", true, false);
    state.members = new ArrayList<>(List.of(member("0", "PRIMARY", true, 100)));
    PeerGrouperWorker waiting = new PeerGrouperWorker(state, "0", clock,
        address -> address.endsWith(":4002"));

    waiting.runOnce();

    assertThat(state.reconfigurations).singleElement().isEqualTo(List.of(
        new MemberSpec("127.0.0.1:4000", 1, 1),
        new MemberSpec("127.0.0.1:4002", 0, 0)));
  }

  @Test
  void givesVotesOnceCaughtUpAndSettledAndRecordsHasVoteBeforehand() {
    controller("0", true, true);
    controller("1", true, false);
    controller("2", true, false);
    state.members = new ArrayList<>(List.of(member("0", "PRIMARY", true, 500),
        member("1", "SECONDARY", false, 480), member("2", "SECONDARY", false, 490)));

    worker.runOnce();
    assertThat(state.reconfigurations).as("no vote while the members settle").isEmpty();

    now = now.plus(PeerGrouperWorker.SETTLE_BEFORE_VOTE);
    worker.runOnce();

    assertThat(state.reconfigurations.get(0)).allMatch(m -> m.votes() == 1);
    assertThat(state.machines()).allMatch(Machine::hasVote);
  }

  @Test
  void withholdsTheVoteFromAMemberFarBehind() {
    controller("0", true, true);
    controller("1", true, false);
    controller("2", true, false);
    state.members = new ArrayList<>(List.of(member("0", "PRIMARY", true, 5000),
        member("1", "SECONDARY", false, 10), member("2", "SECONDARY", false, 4990)));

    PeerGroupPlan plan = worker.runOnce();

    assertThat(plan.votesAdded()).doesNotContain("1");
    assertThat(state.machine("1").orElseThrow().hasVote()).isFalse();
  }

  @Test
  void doesNothingWhenTheSetAlreadyMatches() {
    controller("0", true, true);
    state.members = new ArrayList<>(List.of(member("0", "PRIMARY", true, 100)));

    PeerGroupPlan plan = worker.runOnce();

    assertThat(plan.isSteady()).isTrue();
    assertThat(state.reconfigurations).isEmpty();
    assertThat(state.events).isEmpty();
  }

  @Test
  void syncsHasVoteFromTheRealSetWhenStateDisagrees() {
    controller("0", true, false);
    state.members = new ArrayList<>(List.of(member("0", "PRIMARY", true, 100)));

    worker.runOnce();

    assertThat(state.machine("0").orElseThrow().hasVote()).isTrue();
    assertThat(state.reconfigurations).isEmpty();
  }

  @Test
  void asksAPrimaryThatLostItsWishToVoteToStepDownAndChangesNothingElse() {
    controller("0", false, true);
    controller("1", true, true);
    controller("2", true, true);
    controller("3", true, false);
    state.members = new ArrayList<>(List.of(member("0", "PRIMARY", true, 100),
        member("1", "SECONDARY", true, 100), member("2", "SECONDARY", true, 100),
        member("3", "SECONDARY", false, 100)));

    PeerGroupPlan plan = worker.runOnce();

    assertThat(plan.stepDownPrimary()).isTrue();
    assertThat(state.stepDowns).isEqualTo(1);
    assertThat(state.reconfigurations).isEmpty();
    assertThat(state.events).extracting(e -> e.kind()).containsExactly("election");
  }
}
