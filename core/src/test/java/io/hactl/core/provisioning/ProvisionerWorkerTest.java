package io.hactl.core.provisioning;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Placement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateException;
import io.hactl.core.testing.InMemoryStateStore;
import io.hactl.plugin.api.AgentDistribution;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionerWorkerTest {

  private final InMemoryStateStore state = new InMemoryStateStore();
  private final FakeInstanceBroker broker = new FakeInstanceBroker();
  private final MutableClock clock = new MutableClock();
  private final AgentConfig master = new AgentConfig("u", "dev", "0", true, "rs", "key",
      List.of("127.0.0.1:5000"), Duration.ofSeconds(1), new ProviderAccess("fake", Map.of(),
          List.of(), Path.of("/tmp/p"), new AgentDistribution(Path.of("java"), List.of(),
              "Main", List.of()), 0));
  private final ProvisionerWorker worker = new ProvisionerWorker(state, broker, master, clock);

  @Test
  void givesTheProviderTheMachinesConstraintsAndPlacement() throws Exception {
    state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of("mem", "4G", "cores", "2"),
        new Placement("zone-b"), clock.instant());
    worker.runOnce();

    assertThat(broker.started).singleElement().satisfies(spec -> {
      assertThat(spec.constraints()).isEqualTo(
          new Constraints(4096, 2, 0, null, null, List.of()));
      assertThat(spec.placement()).isEqualTo(new Placement("zone-b"));
    });
  }

  @Test
  void recordsInvalidStoredConstraintsAsTheMachinesErrorWithoutStoppingTheRound()
      throws Exception {
    Machine bad = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false,
        Map.of("gpus", "2"), clock.instant());
    Machine good = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(),
        clock.instant());
    worker.runOnce();

    assertThat(state.machine(bad.id()).orElseThrow().provisioningError())
        .contains("invalid constraints").contains("gpus");
    assertThat(broker.started).extracting(InstanceSpec::machineId).containsExactly(good.id());
  }

  @Test
  void givesNewMachinesTheUserDataItRenders() throws Exception {
    ProvisionerWorker rendering = new ProvisionerWorker(state, broker, master,
        (config, port, controllers) -> new io.hactl.core.delivery.UserData(
            "#cloud-config\n# machine " + config.machineId() + " via " + controllers + "\n"),
        clock);
    state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), clock.instant());
    rendering.runOnce();

    assertThat(broker.started).singleElement().satisfies(spec -> assertThat(spec.userData())
        .isEqualTo("#cloud-config\n# machine 0 via []\n"));
  }

  @Test
  void startsAnInstanceForANewMachineAndRecordsIt() throws Exception {
    Machine added = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), clock.instant());
    worker.runOnce();
    assertThat(broker.started).singleElement()
        .satisfies(spec -> assertThat(spec.machineId()).isEqualTo(added.id()))
        .satisfies(spec -> assertThat(spec.controller()).isFalse());
    assertThat(state.machine(added.id()).orElseThrow().instanceId()).isEqualTo("i-" + added.id());

    worker.runOnce();
    assertThat(broker.started).as("a recorded instance is not started twice").hasSize(1);
  }

  @Test
  void recordsTheErrorAndRetriesWithBackoffUntilTheProviderRecovers() throws Exception {
    Machine added = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), clock.instant());
    broker.failStarts = 2;
    worker.runOnce();
    assertThat(state.machine(added.id()).orElseThrow().provisioningError())
        .contains("quota exceeded");

    worker.runOnce();
    assertThat(broker.failStarts).as("no retry before the backoff elapsed").isEqualTo(1);

    clock.advance(ProvisionerWorker.FIRST_RETRY);
    worker.runOnce();
    assertThat(broker.failStarts).isZero();
    clock.advance(ProvisionerWorker.FIRST_RETRY);
    worker.runOnce();
    assertThat(broker.failStarts).as("second wait is twice the first").isZero();
    assertThat(broker.started).isEmpty();

    clock.advance(ProvisionerWorker.FIRST_RETRY);
    worker.runOnce();
    Machine recovered = state.machine(added.id()).orElseThrow();
    assertThat(recovered.instanceId()).isNotNull();
    assertThat(recovered.provisioningError()).isNull();
  }

  @Test
  void stopsTheInstanceOfARemovedMachineButNotOneBeingStarted() throws Exception {
    Machine added = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), clock.instant());
    worker.runOnce();
    state.removeMachine(added.id());
    broker.start(new InstanceSpec("99", false, "", "", 0, Constraints.NONE, Placement.ANYWHERE));

    worker.runOnce();
    assertThat(broker.instances).containsOnlyKeys("i-99");
  }

  @Test
  void adoptsAnInstanceStartedBeforeACrashInsteadOfStartingASecond() throws Exception {
    Machine added = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), clock.instant());
    broker.start(new InstanceSpec(added.id(), false, "", "", 0, Constraints.NONE, Placement.ANYWHERE));

    worker.runOnce();
    assertThat(broker.started).hasSize(1);
    assertThat(state.machine(added.id()).orElseThrow().instanceId()).isEqualTo("i-" + added.id());
  }

  @Test
  void givesControllersProviderAccessAndPlainMachinesNone() throws Exception {
    state.addMachine(List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON), true, Map.of(), clock.instant());
    state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), clock.instant());
    worker.runOnce();
    assertThat(broker.started)
        .extracting(s -> AgentConfigCodec.fromYaml(s.agentConfig()).providerAccess() != null)
        .containsExactly(true, false);
  }

  @Test
  void aStateOutageFailsTheRoundSoTheLoopRetriesIt() {
    state.failNext = 1;
    assertThatThrownBy(worker::runOnce).isInstanceOf(StateException.class);
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

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
  }
}
