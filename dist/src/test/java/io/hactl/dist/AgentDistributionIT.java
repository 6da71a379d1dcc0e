package io.hactl.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.delivery.AgentSource;
import io.hactl.core.delivery.CloudInitRenderer;
import io.hactl.core.delivery.DistributionServer;
import io.hactl.core.delivery.DistributionTarball;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution this module builds (run by failsafe after {@code package}), delivered the way
 * a cloud machine gets it: served over loopback by the endpoint controllers run, fetched and
 * verified by the user data's script with bash, unpacked, and its launcher started. It carries
 * every built-in provider plugin, which the agent's own class path loads: a master controller
 * on a cloud machine starts new machines through them.
 */
class AgentDistributionIT {

  private static final Path TARBALL = Path.of("target", "hactl-agent-dist.tar.gz");
  /** The built-in providers: plugin jar name prefix and the provider type it registers. */
  private static final Map<String, String> BUILT_IN = Map.of(
      "hactl-provider-local-", "local",
      "hactl-provider-lxd-", "lxd",
      "hactl-provider-aws-", "aws",
      "hactl-provider-maas-", "maas");

  @TempDir
  Path dir;

  private record Run(int exit, String out) {}

  private Run run(Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", List.of(command))
        .isTrue();
    return new Run(process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void tarballListsEveryBuiltInProviderPluginJarUnderPlugins() throws Exception {
    Run listing = run(Map.of(), "tar", "-tzf", TARBALL.toString());
    assertThat(listing.exit()).as(listing.out()).isZero();
    List<String> plugins = listing.out().lines()
        .filter(entry -> entry.startsWith("hactl-agent/plugins/") && entry.endsWith(".jar"))
        .map(entry -> entry.substring("hactl-agent/plugins/".length()))
        .toList();
    BUILT_IN.keySet().forEach(prefix -> assertThat(plugins).as("plugins in the tarball")
        .anyMatch(jar -> jar.startsWith(prefix) && !jar.contains("/")));
  }

  @Test
  void builtDistributionIsFetchedUnpackedLoadsEveryProviderAndItsLauncherStartsTheAgent() throws Exception {
    assertThat(TARBALL).as("the dist module's package phase builds it").isRegularFile();
    DistributionTarball tarball = DistributionTarball.of(TARBALL);
    assertThat(Files.readString(Path.of("target", "hactl-agent-dist.tar.gz.sha256")))
        .isEqualTo(tarball.sha256() + "  hactl-agent-dist.tar.gz\n");
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path opt = Files.createDirectories(dir.resolve("opt"));
    Path script = dir.resolve("fetch-agent.sh");

    try (DistributionServer server = DistributionServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tarball)) {
      Files.writeString(script, CloudInitRenderer.fetchScript(new AgentSource(List.of(
          AgentSource.controllerUrl("127.0.0.1", server.address().getPort())),
          tarball.sha256())));
      Run fetch = run(Map.of("HACTL_LIB", lib.toString(), "HACTL_OPT", opt.toString(),
          "HACTL_FETCH_ROUNDS", "1"), "bash", script.toString());
      assertThat(fetch.exit()).as(fetch.out()).isZero();
    }

    Path launcher = opt.resolve("agent/bin/hactl-agent");
    assertThat(launcher).isExecutable();
    try (var jars = Files.list(opt.resolve("agent/lib"))) {
      assertThat(jars.map(jar -> jar.getFileName().toString()))
          .anyMatch(name -> name.startsWith("hactl-agent-") && name.endsWith(".jar"))
          .anyMatch(name -> name.startsWith("hactl-core-"));
    }
    assertThat(opt.resolve("agent/plugins")).isDirectory();
    // The unpacked agent's own class path loads every plugin, as a master's agent does.
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Run probe = run(Map.of(), java.toString(), "-cp",
        opt.resolve("agent/lib") + "/*" + File.pathSeparator
            + Path.of("target", "test-classes").toAbsolutePath(),
        ProviderProbe.class.getName(), opt.resolve("agent/plugins").toString());
    assertThat(probe.exit()).as(probe.out()).isZero();
    assertThat(probe.out().lines().filter(line -> line.startsWith("provider: ")))
        .as(probe.out())
        .containsExactlyInAnyOrderElementsOf(BUILT_IN.values().stream()
            .map(type -> "provider: " + type).toList());
    assertThat(probe.out()).doesNotContain("problem: ");
    Run address = run(Map.of("HACTL_MACHINE_ADDRESS", "127.0.0.1"),
        opt.resolve("agent/bin/hactl-machine-address").toString());
    assertThat(address.out()).isEqualTo("127.0.0.1\n");
    // The agent itself runs from the unpacked jars and says why it cannot start without config.
    Run agent = run(Map.of("HACTL_MACHINE_ADDRESS", "127.0.0.1"), launcher.toString(),
        "--config", dir.resolve("missing.yaml").toString(), "--address", "auto");
    assertThat(agent.exit()).as(agent.out()).isEqualTo(2);
    assertThat(agent.out()).contains("hactl-agent: cannot start");
  }
}
