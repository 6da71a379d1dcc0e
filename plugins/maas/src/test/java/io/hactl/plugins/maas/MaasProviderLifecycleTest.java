package io.hactl.plugins.maas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole lifecycles against {@link FakeMaas}, a MAAS with state: what one call does is seen by
 * the next, across environments.
 */
class MaasProviderLifecycleTest {
  private static final String KEY = "cK3yAbc:tK3yDef:s3cr3tGhi";
  private static FakeMaas maas;

  @TempDir Path storage;

  private final Provider provider = new MaasProvider();

  @BeforeAll
  static void startFakeMaas() {
    maas = FakeMaas.start(KEY, 3);
  }

  @AfterAll
  static void stopFakeMaas() {
    maas.close();
  }

  @BeforeEach
  void returnEveryMachineToThePool() {
    maas.reset();
  }

  @Test
  void startListStopAndStopAgain() throws Exception {
    ProviderContext prod = context("prod", "11111111-1111-4111-8111-111111111111");

    Instance started = provider.startInstance(prod, spec("0", "#cloud-config\nruncmd: [true]\n"));

    assertThat(maas.userDataOf(started.id())).isEqualTo("#cloud-config\nruncmd: [true]\n");
    assertThat(provider.instances(prod)).singleElement().satisfies(instance -> {
      assertThat(instance.id()).isEqualTo(started.id());
      assertThat(instance.machineId()).isEqualTo("0");
      assertThat(instance.state()).isEqualTo(InstanceState.PENDING);
      assertThat(instance.ports()).containsEntry(Instance.STATE_PORT, 37017);
    });

    provider.stopInstances(prod, List.of(started.id()));
    assertThat(provider.instances(prod)).isEmpty();
    provider.stopInstances(prod, List.of(started.id()));
    assertThat(provider.instances(prod)).isEmpty();
  }

  @Test
  void keepsEnvironmentsApartAndNeverReleasesAnotherEnvironmentsMachine() throws Exception {
    ProviderContext prod = context("prod", "11111111-1111-4111-8111-111111111111");
    ProviderContext test = context("test", "22222222-2222-4222-8222-222222222222");
    Instance prodMachine = provider.startInstance(prod, spec("0", ""));
    Instance testMachine = provider.startInstance(test, spec("0", ""));

    // A stale id from another environment (or a retry after the machine changed hands).
    provider.stopInstances(test, List.of(prodMachine.id()));

    assertThat(provider.instances(prod)).extracting(Instance::id)
        .containsExactly(prodMachine.id());
    assertThat(provider.instances(test)).extracting(Instance::id)
        .containsExactly(testMachine.id());
  }

  @Test
  void givesBackEveryMachineWhenThePoolRunsOut() throws Exception {
    ProviderContext prod = context("prod", "11111111-1111-4111-8111-111111111111");
    for (int i = 0; i < 3; i++) {
      provider.startInstance(prod, spec(Integer.toString(i), ""));
    }

    assertThatThrownBy(() -> provider.startInstance(prod, spec("3", "")))
        .hasMessageStartingWith("no MAAS machine is available at " + maas.endpoint());

    provider.stopInstances(prod, provider.instances(prod).stream().map(Instance::id).toList());
    assertThat(provider.instances(prod)).isEmpty();
    assertThat(provider.startInstance(prod, spec("3", "")).machineId()).isEqualTo("3");
  }

  @Test
  void aWrongKeyIsRefused() {
    ProviderContext wrongKey = new ProviderContext("prod", "11111111-1111-4111-8111-111111111111",
        Map.of("endpoint", maas.endpoint(), "api-key", "cK3yAbc:tK3yDef:wrongSecret"), storage,
        new AgentDistribution(Path.of("java"), List.of(), "Main", List.of()));

    assertThatThrownBy(() -> provider.instances(wrongKey))
        .hasMessageContaining("refused the API key when asked to list the machines")
        .hasMessageNotContaining("wrongSecret");
  }

  private ProviderContext context(String name, String uuid) {
    return new ProviderContext(name, uuid, Map.of("endpoint", maas.endpoint(), "api-key", KEY),
        storage, new AgentDistribution(Path.of("java"), List.of(), "Main", List.of()));
  }

  private static InstanceSpec spec(String machineId, String userData) {
    return new InstanceSpec(machineId, true, "secret: s3cr3t\n", userData, 37017,
        Constraints.NONE, Placement.ANYWHERE);
  }
}
