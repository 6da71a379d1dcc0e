package io.hactl.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.SettingProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads real plugin jars, built by the test, from two plugin folders: working plugins next to
 * plugins broken in every way a jar can be.
 */
class ProviderRegistryTest {
  @TempDir static Path work;
  private static Path plugins;
  private static Path morePlugins;
  private static ProviderRegistry registry;

  @TempDir Path storage;

  @BeforeAll
  static void buildPluginsAndLoadThem() throws Exception {
    plugins = work.resolve("plugins");
    morePlugins = work.resolve("more-plugins");
    FixturePlugins.echo(plugins, "fixture-echo", "echo", work);
    FixturePlugins.echo(plugins, "fixture-echo-copy", "echo", work);
    FixturePlugins.bundlingTheSpi(plugins, work);
    FixturePlugins.withoutPluginId(plugins, work);
    PluginJarBuilder.garbageJar(plugins, "garbage.jar");
    FixturePlugins.missingClass(plugins, work);
    FixturePlugins.startFails(plugins, work);
    FixturePlugins.constructorFails(plugins, work);
    PluginJarBuilder.plugin("fixture-bad-plugin-class")
        .manifest("Plugin-Class", "fixture.NoSuchPlugin")
        .writeTo(plugins, "fixture-bad-plugin-class.jar", work);
    PluginJarBuilder.plugin("fixture-needs-other")
        .manifest("Plugin-Dependencies", "fixture-other@>=2.0.0")
        .writeTo(plugins, "fixture-needs-other.jar", work);
    FixturePlugins.failing(morePlugins, work);
    registry = ProviderRegistry.load(List.of(plugins, morePlugins), Duration.ofSeconds(10));
  }

  @AfterAll
  static void unload() {
    registry.close();
  }

  @Test
  void offersTheProvidersOfEveryWorkingPluginInEveryFolder() {
    assertThat(registry.types()).containsExactly("bundled", "echo", "failing");
  }

  @Test
  void callsGoThroughToThePluginOnAWorkerThreadWithThePluginsContextLoader() throws Exception {
    GuardedProvider echo = registry.provider("echo");

    Instance instance = echo.startInstance(context(), spec("3"));
    echo.stopInstances(context(), List.of("env-3", "env-4"));

    assertThat(echo.type()).isEqualTo("echo");
    assertThat(echo.pluginId()).isEqualTo("fixture-echo");
    assertThat(instance.id()).isEqualTo("env-3");
    assertThat(instance.details()).containsEntry("context-loader-is-plugin", "true");
    assertThat(instance.details().get("thread")).startsWith("hactl-plugin-call-");
    assertThat(instance.details()).containsEntry("daemon", "true");
    assertThat(echo.instances(context())).extracting(Instance::id).containsExactly("echo-1");
    assertThat(echo.validateSettings(Map.of("greeting", "hi", "colour", "red")))
        .containsExactly(new SettingProblem("colour", "unknown setting"));
    assertThat(Files.readAllLines(storage.resolve("stopped.txt"))).containsExactly("env-3", "env-4");
  }

  @Test
  void aPluginThatBundlesItsOwnCopyOfTheSpiStillWorks() throws Exception {
    assertThat(registry.provider("bundled").startInstance(context(), spec("1")).machineId())
        .isEqualTo("1");
  }

  @Test
  void reportsEveryBrokenPluginByIdOrJarFileWithItsCause() {
    assertThat(registry.problems()).extracting(PluginProblem::plugin).containsExactlyInAnyOrder(
        "no-plugin-id.jar", "garbage.jar", "fixture-missing-class", "fixture-start-fails",
        "fixture-ctor-fails", "fixture-echo-copy", "fixture-bad-plugin-class",
        "fixture-needs-other");
    assertThat(message("no-plugin-id.jar")).contains("Field 'id' cannot be empty");
    assertThat(message("garbage.jar")).contains("cannot load plugin jar")
        .contains(plugins.resolve("garbage.jar").toString());
    assertThat(message("fixture-missing-class"))
        .contains("fixture.missing.GoneProvider").contains("ClassNotFoundException");
    assertThat(message("fixture-start-fails"))
        .isEqualTo("failed to start (fixture-start-fails.jar): IllegalStateException:"
            + " cannot reach the licence server");
    assertThat(message("fixture-ctor-fails"))
        .isEqualTo("could not create its provider fixture.ctor.NeedyProvider:"
            + " IllegalStateException: needs CLOUD_TOKEN in the environment");
    assertThat(message("fixture-bad-plugin-class")).isEqualTo("failed to start"
        + " (fixture-bad-plugin-class.jar): its Plugin-Class fixture.NoSuchPlugin cannot be loaded"
        + " or is not an org.pf4j.Plugin; fix the jar's manifest");
    assertThat(message("fixture-needs-other")).isEqualTo("not loaded: it depends on plugin"
        + " fixture-other >=2.0.0, which is not installed at a matching version");
    assertThat(message("fixture-echo-copy"))
        .contains("provider type \"echo\" is already provided by plugin fixture-echo");
    assertThat(registry.problems()).allSatisfy(problem ->
        assertThat(problem.message()).doesNotContain("\n"));
  }

  @Test
  void anUnknownTypeIsBadInputNamingWhatIsInstalledAndWhere() {
    assertThatThrownBy(() -> registry.provider("lxd"))
        .isInstanceOfSatisfying(HactlException.class, e ->
            assertThat(e.kind()).isEqualTo(HactlException.Kind.BAD_INPUT))
        .hasMessageStartingWith("no provider plugin for type \"lxd\"; installed: bundled, echo,"
            + " failing; plugins folder: " + plugins + ", " + morePlugins)
        .hasMessageContaining("failed to load:")
        .hasMessageContaining("fixture-start-fails");
  }

  @Test
  void missingFoldersGiveNoProvidersAndNoProblems() {
    try (ProviderRegistry empty = ProviderRegistry.load(
        List.of(work.resolve("does-not-exist")), Duration.ofSeconds(1))) {
      assertThat(empty.types()).isEmpty();
      assertThat(empty.problems()).isEmpty();
      assertThatThrownBy(() -> empty.provider("local"))
          .hasMessage("no provider plugin for type \"local\"; installed: none; plugins folder: "
              + work.resolve("does-not-exist"));
    }
  }

  @Test
  void afterCloseCallsFailWithoutReachingThePlugin() throws Exception {
    ProviderRegistry closed = ProviderRegistry.load(List.of(plugins), Duration.ofSeconds(10));
    GuardedProvider echo = closed.provider("echo");
    closed.close();

    assertThatThrownBy(() -> echo.instances(context()))
        .hasMessage("provider echo (plugin fixture-echo) could not list instances:"
            + " the plugins have been unloaded");
  }

  private static String message(String plugin) {
    return registry.problems().stream().filter(problem -> problem.plugin().equals(plugin))
        .map(PluginProblem::message).findFirst().orElseThrow();
  }

  private ProviderContext context() {
    return new ProviderContext("env", "uuid-1", Map.of(), storage, new AgentDistribution(
        Path.of("java"), List.of(), "io.hactl.agent.AgentMain", List.of()));
  }

  private static InstanceSpec spec(String machineId) {
    return new InstanceSpec(machineId, false, "config: <hidden>", "", 0, Constraints.NONE, Placement.ANYWHERE);
  }
}
