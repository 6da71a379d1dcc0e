package io.hactl.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.core.state.Machine;
import io.hactl.core.testing.InMemoryStateStore;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Instance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code enable-ha --to}: a running plain machine becomes a controller with a member. */
class ProvisionerConversionTest {

  private final InMemoryStateStore state = new InMemoryStateStore();
  private final FakeInstanceBroker broker = new FakeInstanceBroker();
  private final ProvisionerWorkerTest.MutableClock clock =
      new ProvisionerWorkerTest.MutableClock();
  private final AgentConfig master = new AgentConfig("u", "dev", "0", true, "rs", "key",
      List.of("127.0.0.1:5000"), Duration.ofSeconds(1), new ProviderAccess("fake", Map.of(),
          List.of(), Path.of("/tmp/p"), new AgentDistribution(Path.of("java"), List.of(),
              "Main", List.of()), 0));
  private final ProvisionerWorker worker = new ProvisionerWorker(state, broker, master, clock);

  @Test
  void replacesAConvertedMachinesPlainInstanceWithAControllersOnce() throws Exception {
    Machine plain = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(),
        clock.instant());
    worker.runOnce();
    String plainInstance = state.machine(plain.id()).orElseThrow().instanceId();

    state.setControllerRole(plain.id(), true, true, clock.instant());
    ProvisioningPlan converting = worker.runOnce();
    assertThat(converting.convert()).containsExactly(plain.id());
    assertThat(broker.instances).doesNotContainKey(plainInstance);

    worker.runOnce();
    Machine controller = state.machine(plain.id()).orElseThrow();
    assertThat(broker.started).hasSize(2);
    assertThat(broker.started.get(1).controller()).isTrue();
    assertThat(controller.ports()).containsKey(Instance.STATE_PORT);
    assertThat(controller.stateAddress()).isNotNull();

    assertThat(worker.runOnce().isEmpty()).as("a converted controller is left alone").isTrue();
  }

  @Test
  void neverConvertsAControllerThatIsStillBeingStarted() {
    Machine added = state.addMachine(List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
        true, Map.of(), clock.instant());
    ProvisioningPlan plan = ProvisioningPlanner.plan(state.machines(), List.of(), 1);
    assertThat(plan.convert()).isEmpty();
    assertThat(plan.start()).containsExactly(added.id());
  }
}
