package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.HactlException;
import io.hactl.core.provisioning.InstanceBroker;
import io.hactl.core.testing.InMemoryStateStore;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterGateTest {

  /** A member whose primacy and term the test sets. */
  static final class FakeLeadership implements MasterGate.Leadership {
    boolean primary;
    long term;

    @Override
    public boolean isPrimary() {
      return primary;
    }

    @Override
    public long term() {
      return term;
    }
  }

  /** A provider that records what it was asked to start and stop. */
  static final class RecordingBroker implements InstanceBroker {
    final List<String> calls = new ArrayList<>();

    @Override
    public Instance start(InstanceSpec spec) {
      calls.add("start " + spec.machineId());
      return new Instance("i-" + spec.machineId(), spec.machineId(), InstanceState.RUNNING,
          List.of("127.0.0.1"), Map.of(), Map.of());
    }

    @Override
    public void stop(List<String> instanceIds) {
      calls.add("stop " + instanceIds);
    }

    @Override
    public List<Instance> instances() {
      return List.of();
    }
  }

  /** Both controllers' workers write to the same replicated state. */
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final FakeLeadership member = new FakeLeadership();
  private final List<String> log = new ArrayList<>();
  private final MasterGate gate = new MasterGate("1", member, new TermFence("1", state),
      List.of(new MasterGate.MasterWorker("provisioner", () -> log.add("provisioner")),
          new MasterGate.MasterWorker("failing", () -> {
            log.add("failing");
            throw new IllegalStateException("boom");
          }),
          new MasterGate.MasterWorker("peer grouper", () -> log.add("peer grouper"))),
      () -> log.add("elected"));

  @Test
  void runsNoWorkerWhileItsMemberIsNotPrimary() {
    gate.run();
    assertThat(log).isEmpty();
    assertThat(gate.isMaster()).isFalse();
  }

  @Test
  void recordsTheElectionOnceThenRunsEveryWorkerEvenAfterOneFails() {
    member.primary = true;
    member.term = 3;
    gate.run();
    gate.run();
    assertThat(log).containsExactly("elected", "provisioner", "failing", "peer grouper",
        "provisioner", "failing", "peer grouper");
    assertThat(gate.term()).isEqualTo(3);
  }

  @Test
  void stopsActingAtTheNextTickOnceDeposed() {
    member.primary = true;
    member.term = 3;
    gate.run();
    member.primary = false;
    log.clear();
    gate.run();
    assertThat(log).isEmpty();
    assertThat(gate.isMaster()).isFalse();
  }

  @Test
  void neverActsInATermThatANewerMasterHasClaimedEvenWhileItsMemberStillSaysPrimary() {
    assertThat(state.claimMasterTerm("2", 4)).as("machine 2 won the election of term 4")
        .isTrue();
    member.primary = true;
    member.term = 3;
    gate.run();
    assertThat(log).as("a partitioned old primary of term 3 does nothing").isEmpty();
    assertThat(gate.isMaster()).isFalse();
  }

  @Test
  void skipsARoundItCannotConfirmWithoutCountingItAsAChangeOfMaster() {
    member.primary = true;
    member.term = 3;
    gate.run();
    state.failNext = 1;
    log.clear();
    gate.run();
    assertThat(log).as("no workers while the term is unconfirmed").isEmpty();
    assertThat(gate.isMaster()).isTrue();
    gate.run();
    assertThat(log).as("no second election recorded").doesNotContain("elected")
        .contains("provisioner");
  }

  @Test
  void aMasterElectedAgainInALaterTermIsRecordedAgain() {
    member.primary = true;
    member.term = 3;
    gate.run();
    member.term = 5;
    log.clear();
    gate.run();
    assertThat(log).startsWith("elected");
    assertThat(gate.term()).isEqualTo(5);
  }

  @Test
  void stopsTheRoundWhenTheTermChangesBetweenWorkers() {
    MasterGate changing = new MasterGate("1", member, new TermFence("1", state), List.of(
        new MasterGate.MasterWorker("first", () -> {
          log.add("first");
          member.term = 9;
        }),
        new MasterGate.MasterWorker("second", () -> log.add("second"))), () -> { });
    member.primary = true;
    member.term = 3;
    changing.run();
    assertThat(log).containsExactly("first");
  }

  @Test
  void aDeposedMastersProvisionerCannotStartOrStopInstances() throws Exception {
    RecordingBroker provider = new RecordingBroker();
    TermFence oldFence = new TermFence("1", state);
    assertThat(oldFence.hold(3)).isEqualTo(TermFence.Claim.HELD);
    InstanceBroker oldMasters = new FencedInstanceBroker(provider, oldFence);
    oldMasters.start(spec("7"));

    TermFence newFence = new TermFence("2", state);
    assertThat(newFence.hold(4)).as("the new master claims its term")
        .isEqualTo(TermFence.Claim.HELD);
    InstanceBroker newMasters = new FencedInstanceBroker(provider, newFence);

    assertThatThrownBy(() -> oldMasters.start(spec("8"))).isInstanceOf(HactlException.class)
        .hasMessageContaining("no longer the master").hasMessageContaining("term 3");
    assertThatThrownBy(() -> oldMasters.stop(List.of("i-7")))
        .isInstanceOf(HactlException.class);
    newMasters.stop(List.of("i-7"));
    assertThat(provider.calls).containsExactly("start 7", "stop [i-7]");
    assertThat(oldFence.hold(3)).as("an old term can never be claimed back")
        .isEqualTo(TermFence.Claim.SUPERSEDED);
  }

  @Test
  void aMasterThatCannotReachStateDoesNotTouchTheProvider() throws Exception {
    RecordingBroker provider = new RecordingBroker();
    TermFence fence = new TermFence("1", state);
    assertThat(fence.hold(3)).isEqualTo(TermFence.Claim.HELD);
    state.unreachable = true;
    assertThatThrownBy(() -> new FencedInstanceBroker(provider, fence).start(spec("7")))
        .isInstanceOf(HactlException.class).hasMessageContaining("cannot confirm");
    assertThat(provider.calls).isEmpty();
    assertThat(fence.hold(3)).as("no round while the claim cannot be written")
        .isEqualTo(TermFence.Claim.UNCONFIRMED);
  }

  private static InstanceSpec spec(String machineId) {
    return new InstanceSpec(machineId, false, "config", "", 0, Constraints.NONE,
        Placement.ANYWHERE);
  }
}
