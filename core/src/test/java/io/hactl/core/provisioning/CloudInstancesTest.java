package io.hactl.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.core.state.Machine;
import io.hactl.core.testing.InMemoryStateStore;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Instances as clouds report them: requested without an address or ports, given an address by
 * DHCP once they boot. State must end up with the member's {@code host:port}.
 */
class CloudInstancesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  /** A cloud in memory: new instances are pending with nothing known; {@link #boot} assigns. */
  private static final class FakeCloud implements InstanceBroker {
    final Map<String, Instance> instances = new LinkedHashMap<>();

    @Override
    public Instance start(InstanceSpec spec) {
      Instance pending = new Instance("c-" + spec.machineId(), spec.machineId(),
          InstanceState.PENDING, List.of(), Map.of(), Map.of());
      instances.put(pending.id(), pending);
      return pending;
    }

    void boot(String machineId, String address) {
      Instance old = instances.get("c-" + machineId);
      instances.put(old.id(), new Instance(old.id(), machineId, InstanceState.RUNNING,
          List.of(address), Map.of(), Map.of()));
    }

    @Override
    public void stop(List<String> instanceIds) {
      instanceIds.forEach(instances::remove);
    }

    @Override
    public List<Instance> instances() {
      return List.copyOf(instances.values());
    }
  }

  private final InMemoryStateStore state = new InMemoryStateStore();
  private final FakeCloud cloud = new FakeCloud();
  private final AgentConfig master = new AgentConfig("u", "cloudy", "0", true, "rs", "key",
      List.of("10.0.0.5:37017"), Duration.ofSeconds(1), new ProviderAccess("lxd", Map.of(),
          List.of(), Path.of("/p"), new AgentDistribution(Path.of("java"), List.of(), "Main",
              List.of()), 37017));
  private final ProvisionerWorker worker =
      new ProvisionerWorker(state, cloud, master, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void controllerGetsTheEnvironmentsStatePortAndItsAddressOnceTheCloudKnowsIt()
      throws Exception {
    Machine added = state.addMachine(List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
        true, Map.of(), NOW);
    worker.runOnce();
    Machine requested = state.machine(added.id()).orElseThrow();
    assertThat(requested.ports()).containsEntry(Instance.STATE_PORT, 37017);
    assertThat(requested.stateAddress()).as("no address yet").isNull();

    cloud.boot(added.id(), "10.77.10.23");
    ProvisioningPlan plan = worker.runOnce();

    assertThat(plan.convert()).as("a controller with its port is never converted").isEmpty();
    assertThat(plan.start()).isEmpty();
    assertThat(state.machine(added.id()).orElseThrow().stateAddress())
        .isEqualTo("10.77.10.23:37017");
    assertThat(worker.runOnce().refresh()).as("nothing changes when nothing moved").isEmpty();
  }

  @Test
  void plainMachineGetsItsAddressWithoutAStatePort() throws Exception {
    Machine added = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), NOW);
    worker.runOnce();
    cloud.boot(added.id(), "10.77.10.24");
    worker.runOnce();

    Machine plain = state.machine(added.id()).orElseThrow();
    assertThat(plain.addresses()).containsExactly("10.77.10.24");
    assertThat(plain.ports()).doesNotContainKey(Instance.STATE_PORT);
  }

  @Test
  void anInstanceListedWithoutAddressesKeepsTheRecordedOnes() throws Exception {
    state.put(new Machine("3", List.of(Machine.JOB_HOST_UNITS), Machine.ALIVE, "c-3",
        List.of("10.77.10.30"), Map.of(), false, false, Map.of(), null, NOW));
    cloud.instances.put("c-3", new Instance("c-3", "3", InstanceState.RUNNING, List.of(),
        Map.of(), Map.of()));

    assertThat(worker.runOnce().refresh()).isEmpty();
    assertThat(state.machine("3").orElseThrow().addresses()).containsExactly("10.77.10.30");
  }
}
