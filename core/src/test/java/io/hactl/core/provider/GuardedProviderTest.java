package io.hactl.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that throw, answer null or hang, loaded from real jars: each failure comes back as one
 * line naming the provider, its plugin and what was asked, and the registry keeps working. The
 * call timeout is short (500 ms) so that the hang tests finish quickly.
 */
class GuardedProviderTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  @TempDir static Path work;
  @TempDir static Path storage;
  private static ProviderRegistry registry;

  @BeforeAll
  static void loadPlugins() throws Exception {
    Path plugins = work.resolve("plugins");
    FixturePlugins.echo(plugins, "fixture-echo", "echo", work);
    FixturePlugins.failing(plugins, work);
    FixturePlugins.hanging(plugins, work);
    registry = ProviderRegistry.load(List.of(plugins), TIMEOUT);
    assertThat(registry.problems()).isEmpty();
  }

  @AfterAll
  static void unload() {
    registry.close();
  }

  @Test
  void aProviderExceptionBecomesAFailureNamingProviderPluginAndMachine() {
    HactlException e = catchThrowableOfType(HactlException.class,
        () -> registry.provider("failing").startInstance(context(), spec("3")));

    assertThat(e.kind()).isEqualTo(HactlException.Kind.FAILURE);
    assertThat(e).hasMessage("provider failing (plugin fixture-failing) could not start instance"
        + " for machine 3: quota exceeded in region test-1");
  }

  @Test
  void aProviderBuiltBeforeReleaseEnvironmentExistedReleasesNothingAndDoesNotFail() {
    assertThatCode(() -> registry.provider("echo").releaseEnvironment(context()))
        .doesNotThrowAnyException();
  }

  @Test
  void aRuntimeExceptionIsNamedByItsClass() {
    assertThatThrownBy(() -> registry.provider("failing").instances(context()))
        .isInstanceOf(HactlException.class)
        .hasMessage("provider failing (plugin fixture-failing) could not list instances:"
            + " IllegalStateException: inventory is corrupt");
  }

  @Test
  void anErrorIsNamedByItsClass() {
    assertThatThrownBy(() -> registry.provider("failing")
        .stopInstances(context(), List.of("env-1", "env-2")))
        .isInstanceOf(HactlException.class)
        .hasMessage("provider failing (plugin fixture-failing) could not stop instances env-1,"
            + " env-2: NoClassDefFoundError: com/example/cloud/Client");
  }

  @Test
  void aNullAnswerIsAFailure() {
    assertThatThrownBy(() -> registry.provider("failing").validateSettings(Map.of()))
        .isInstanceOf(HactlException.class)
        .hasMessage("provider failing (plugin fixture-failing) could not validate settings:"
            + " the plugin answered null");
  }

  @Test
  void aHungCallTimesOutInBoundedTimeAndItsThreadIsInterrupted() throws Exception {
    long started = System.nanoTime();
    HactlException e = catchThrowableOfType(HactlException.class,
        () -> registry.provider("hanging").startInstance(context(), spec("3")));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(e.kind()).isEqualTo(HactlException.Kind.FAILURE);
    assertThat(e).hasMessage("provider hanging (plugin fixture-hanging) did not answer within"
        + " 500ms when asked to start instance for machine 3; the plugin may be hung");
    assertThat(took).isBetween(TIMEOUT, Duration.ofSeconds(5));
    awaitInterruptRecorded();
    assertThat(System.getProperty(FixturePlugins.INTERRUPTED_PROPERTY))
        .startsWith("hactl-plugin-call-");
  }

  @Test
  void aPluginThatIgnoresInterruptsTimesOutAndLaterCallsStillWork() throws Exception {
    assertThatThrownBy(() -> registry.provider("hanging").instances(context()))
        .hasMessageContaining("did not answer within 500ms when asked to list instances");

    assertThat(registry.provider("echo").instances(context())).hasSize(1);
    assertThat(registry.provider("hanging").validateSettings(Map.of())).isEmpty();
  }

  private static void awaitInterruptRecorded() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.getProperty(FixturePlugins.INTERRUPTED_PROPERTY) == null
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private static ProviderContext context() {
    return new ProviderContext("env", "uuid-1", Map.of(), storage, new AgentDistribution(
        Path.of("java"), List.of(), "io.hactl.agent.AgentMain", List.of()));
  }

  private static InstanceSpec spec(String machineId) {
    return new InstanceSpec(machineId, false, "config: <hidden>", "", 0, Constraints.NONE, Placement.ANYWHERE);
  }
}
