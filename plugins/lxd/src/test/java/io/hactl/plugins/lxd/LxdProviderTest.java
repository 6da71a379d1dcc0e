package io.hactl.plugins.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider's HTTP and JSON handling against {@link FakeLxdDaemon}, a fake that answers over a
 * real unix socket on a temp path. The real daemon is exercised by {@link LxdDaemonTest}.
 */
class LxdProviderTest {
  private static final String UUID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
  private static final String USER_DATA = "#cloud-config\nruncmd:\n  - [echo, \"a \\\"quoted\\\" secret\"]\n";

  @TempDir Path dir;

  private FakeLxdDaemon lxd;
  private final LxdProvider provider = new LxdProvider();

  @BeforeEach
  void startFake() throws IOException {
    lxd = new FakeLxdDaemon(dir.resolve("lxd.socket"));
  }

  @AfterEach
  void stopFake() throws IOException {
    lxd.close();
  }

  @Test
  void startsAContainerFromTheImageWithUserDataAndEnvironmentKeysAndReportsItsAddress()
      throws Exception {
    Instance instance = provider.startInstance(context(Map.of()), spec("0", true, 37017));

    assertThat(instance.id()).isEqualTo("hactl-1b4e28ba-m0");
    assertThat(instance.machineId()).isEqualTo("0");
    assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(instance.addresses()).containsExactly("10.77.10.10");
    assertThat(instance.ports()).containsEntry(Instance.STATE_PORT, 37017);
    assertThat(lxd.config("hactl-1b4e28ba-m0"))
        .containsEntry("cloud-init.user-data", USER_DATA)
        .containsEntry("user.hactl.environment", UUID)
        .containsEntry("user.hactl.machine", "0")
        .containsEntry("user.hactl.controller", "true")
        .containsEntry("user.hactl.state-port", "37017");
    assertThat(lxd.status("hactl-1b4e28ba-m0")).isEqualTo("Running");
    assertThat(lxd.requests()).extracting(FakeLxdDaemon.Request::method,
            FakeLxdDaemon.Request::path)
        .contains(tuple("POST", "/1.0/instances"),
            tuple("PUT", "/1.0/instances/hactl-1b4e28ba-m0/state"));
    String create = lxd.requests().stream().filter(r -> r.method().equals("POST")).findFirst()
        .orElseThrow().body();
    assertThat(create).contains("\"alias\":\"hactl-bookworm\"", "\"profiles\":[\"default\"]");
  }

  @Test
  void passesImageProfilesNetworkAndConstraintsFromSettingsAndSpec() throws Exception {
    lxd.addAlias("my-image");
    provider.startInstance(context(Map.of("image", "my-image", "profile", "default, big",
        "network", "br1")), new InstanceSpec("2", false, "cfg", USER_DATA, 0,
        new Constraints(2048, 2, 0, null, "amd64", List.of()), Placement.ANYWHERE));

    String create = lxd.requests().stream().filter(r -> r.method().equals("POST")).findFirst()
        .orElseThrow().body();
    assertThat(create).contains("\"alias\":\"my-image\"", "\"profiles\":[\"default\",\"big\"]",
        "\"network\":\"br1\"", "\"limits.memory\":\"2048MiB\"", "\"limits.cpu\":\"2\"");
  }

  @Test
  void fallsBackToUserUserDataOnDaemonsWithoutTheCloudInitExtension() throws Exception {
    lxd.withoutCloudInitExtension();

    provider.startInstance(context(Map.of()), spec("1", false, 0));

    assertThat(lxd.config("hactl-1b4e28ba-m1")).containsEntry("user.user-data", USER_DATA)
        .doesNotContainKey("cloud-init.user-data");
  }

  @Test
  void listsOnlyThisEnvironmentsContainersWithStatusAndIpv4Addresses() throws Exception {
    ProviderContext context = context(Map.of());
    provider.startInstance(context, spec("0", true, 37017));
    lxd.addInstance("hactl-1b4e28ba-m1", "Stopped",
        Map.of("user.hactl.environment", UUID, "user.hactl.machine", "1"));
    lxd.addInstance("hactl-otherenv-m0", "Running",
        Map.of("user.hactl.environment", "other", "user.hactl.machine", "0"));
    lxd.addInstance("someones-pet", "Running", Map.of());

    List<Instance> listed = provider.instances(context);

    assertThat(listed).extracting(Instance::id, Instance::machineId, Instance::state,
            Instance::addresses)
        .containsExactly(
            tuple("hactl-1b4e28ba-m0", "0", InstanceState.RUNNING, List.of("10.77.10.10")),
            tuple("hactl-1b4e28ba-m1", "1", InstanceState.STOPPED, List.of()));
    assertThat(listed.get(0).details()).containsEntry("lxd-status", "Running");
  }

  @Test
  void stopForceStopsThenDeletesAndIgnoresIdsThatAreGone() throws Exception {
    ProviderContext context = context(Map.of());
    Instance instance = provider.startInstance(context, spec("0", true, 37017));

    provider.stopInstances(context, List.of(instance.id(), "hactl-1b4e28ba-m9"));
    provider.stopInstances(context, List.of(instance.id()));

    assertThat(lxd.has(instance.id())).isFalse();
    assertThat(provider.instances(context)).isEmpty();
    String stop = lxd.requests().stream()
        .filter(r -> r.method().equals("PUT") && r.body().contains("stop"))
        .findFirst().orElseThrow().body();
    assertThat(stop).contains("\"force\":true");
  }

  @Test
  void deletesAnAlreadyStoppedContainerWithoutStoppingIt() throws Exception {
    lxd.addInstance("hactl-1b4e28ba-m3", "Stopped",
        Map.of("user.hactl.environment", UUID, "user.hactl.machine", "3"));

    provider.stopInstances(context(Map.of()), List.of("hactl-1b4e28ba-m3"));

    assertThat(lxd.has("hactl-1b4e28ba-m3")).isFalse();
  }

  @Test
  void refusesToStopAContainerOfAnotherEnvironment() {
    lxd.addInstance("someones-pet", "Running", Map.of("user.hactl.environment", "other"));

    assertThatThrownBy(() -> provider.stopInstances(context(Map.of()), List.of("someones-pet")))
        .isInstanceOf(ProviderException.class)
        .hasMessage("cannot stop LXD container someones-pet: it does not belong to this"
            + " environment (its user.hactl.environment is not " + UUID + "); left alone");
    assertThat(lxd.status("someones-pet")).isEqualTo("Running");
  }

  @Test
  void aMissingImageAliasNamesTheSetupScript() {
    lxd.removeAlias("hactl-bookworm");

    assertThatThrownBy(() -> provider.startInstance(context(Map.of()), spec("0", true, 1)))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("image hactl-bookworm not found")
        .hasMessageContaining("run plugins/lxd/scripts/lxd-test-env.sh up")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aFailedStartDeletesTheCreatedContainerAndSaysWhatLxdSaid() {
    lxd.failOperation("PUT", "/1.0/instances/hactl-1b4e28ba-m0/state",
        "Failed to run: forkstart: no cgroup");

    assertThatThrownBy(() -> provider.startInstance(context(Map.of()), spec("0", true, 1)))
        .isInstanceOf(ProviderException.class)
        .hasMessage("cannot start machine 0 as LXD container hactl-1b4e28ba-m0: LXD at unix"
            + " socket " + lxd.socket() + " said: Failed to run: forkstart: no cgroup");
    assertThat(lxd.has("hactl-1b4e28ba-m0")).isFalse();
  }

  @Test
  void aRetriedStartAdoptsTheContainerItCreatedForTheSameMachine() throws Exception {
    lxd.addInstance("hactl-1b4e28ba-m0", "Stopped",
        Map.of("user.hactl.environment", UUID, "user.hactl.machine", "0"));

    Instance instance = provider.startInstance(context(Map.of()), spec("0", true, 1));

    assertThat(instance.id()).isEqualTo("hactl-1b4e28ba-m0");
    assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(instance.addresses()).hasSize(1);
    assertThat(lxd.status("hactl-1b4e28ba-m0")).isEqualTo("Running");
  }

  @Test
  void aNameClashWithAContainerThatIsNotTheMachinesIsRefusedAndLeftAlone() {
    lxd.addInstance("hactl-1b4e28ba-m0", "Running", Map.of("user.hactl.environment", "other"));

    assertThatThrownBy(() -> provider.startInstance(context(Map.of()), spec("0", true, 1)))
        .hasMessage("cannot start machine 0 as LXD container hactl-1b4e28ba-m0: a container of"
            + " that name already exists and is not this machine's (user.hactl.environment=other,"
            + " user.hactl.machine=none); delete or rename it");
    assertThat(lxd.has("hactl-1b4e28ba-m0")).isTrue();
  }

  @Test
  void refusesZonesAndInstanceTypesBeforeCreatingAnything() {
    InstanceSpec zoned = new InstanceSpec("0", true, "c", USER_DATA, 1, Constraints.NONE,
        new Placement("us-east-1a"));
    InstanceSpec typed = new InstanceSpec("0", true, "c", USER_DATA, 1,
        new Constraints(0, 0, 0, "m5.large", null, List.of()), Placement.ANYWHERE);
    InstanceSpec arm = new InstanceSpec("0", true, "c", USER_DATA, 1,
        new Constraints(0, 0, 0, null, "arm64", List.of()), Placement.ANYWHERE);

    assertThatThrownBy(() -> provider.startInstance(context(Map.of()), zoned))
        .hasMessageContaining("a standalone LXD daemon has no zones");
    assertThatThrownBy(() -> provider.startInstance(context(Map.of()), typed))
        .hasMessageContaining("instance-type=m5.large cannot be satisfied");
    assertThatThrownBy(() -> provider.startInstance(context(Map.of()), arm))
        .hasMessageContaining("arch=arm64 cannot be satisfied: the LXD daemon runs x86_64, i686");
    assertThat(lxd.requests()).noneMatch(r -> r.method().equals("POST"));
  }

  @Test
  void aMissingSocketSaysHowToStartLxd() {
    Path missing = dir.resolve("nowhere.socket");

    assertThatThrownBy(() -> provider.instances(context(Map.of("socket", missing.toString()))))
        .isInstanceOf(ProviderException.class)
        .hasMessage("cannot list the LXD containers of environment test-env: no LXD socket at "
            + missing + "; start lxd (for tests: plugins/lxd/scripts/lxd-test-env.sh up) or set"
            + " the socket setting");
  }

  @Test
  void anLxdErrorOnListingIsOneLineWithTheDaemonsWords() {
    lxd.failNext("GET", "/1.0/instances?", 500, "Failed to fetch instances: database locked");

    assertThatThrownBy(() -> provider.instances(context(Map.of())))
        .hasMessage("cannot list the LXD containers of environment test-env: LXD at unix socket "
            + lxd.socket() + " said: Failed to fetch instances: database locked");
  }

  @Test
  void neverPutsTheUserDataIntoAMessage() {
    lxd.failNext("POST", "/1.0/instances", 400, "Invalid config");

    assertThatThrownBy(() -> provider.startInstance(context(Map.of()), spec("0", true, 1)))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }

  private ProviderContext context(Map<String, String> settings) {
    Map<String, String> all = new java.util.HashMap<>(settings);
    all.putIfAbsent("socket", lxd.socket().toString());
    return new ProviderContext("test-env", UUID, all, dir,
        new AgentDistribution(Path.of("java"), List.of(), "Main", List.of()));
  }

  private static InstanceSpec spec(String machineId, boolean controller, int statePort) {
    return new InstanceSpec(machineId, controller, "agent: config", USER_DATA, statePort,
        Constraints.NONE, Placement.ANYWHERE);
  }
}
