package io.hactl.core.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.config.AgentDelivery;
import io.hactl.config.ControllerDb;
import io.hactl.config.EnvironmentConfig;
import io.hactl.core.HactlException;
import io.hactl.core.InstallLayout;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.plugin.api.AgentDistribution;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first controller's user data, when no controller exists yet to serve the agent. */
class BootstrapUserDataTest {

  private static final String SHA = "ab".repeat(32);

  @TempDir
  Path dir;

  private EnvironmentContext env(String type, AgentDelivery delivery) throws IOException {
    Path jar = Files.createDirectories(dir.resolve("agent/target")).resolve("hactl-agent.jar");
    EnvironmentConfig config = new EnvironmentConfig("cloudy", type, ControllerDb.EMBEDDED,
        37017, "127.0.0.1", Map.of(), Map.of(), 64, delivery);
    InstallLayout layout = new InstallLayout(List.of(), new AgentDistribution(Path.of("java"),
        List.of(jar), InstallLayout.AGENT_MAIN_CLASS, List.of()));
    return new EnvironmentContext(config, null, null, layout);
  }

  private static AgentConfig machine0() {
    return new AgentConfig("uuid", "cloudy", "0", true, "hactl-1", "key", List.of(),
        Duration.ofSeconds(1), new ProviderAccess("lxd", Map.of(), List.of(), Path.of("/p"),
            new AgentDistribution(Path.of("java"), List.of(), "Main", List.of()), 37017));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void localMachinesGetNoUserDataAndNothingIsServed() throws Exception {
    try (BootstrapUserData data = BootstrapUserData.prepare(env("local", AgentDelivery.NONE),
        machine0(), "cannot bootstrap environment cloudy")) {
      assertThat(data.userData().isEmpty()).isTrue();
      assertThat(data.server()).isEmpty();
    }
  }

  @Test
  void cloudBootstrapWithoutASourceIsBadInputNamingBothSettings() {
    assertThatThrownBy(() -> BootstrapUserData.prepare(
        env("lxd", new AgentDelivery(null, null, 17071, null)), machine0(),
        "cannot bootstrap environment cloudy"))
        .isInstanceOfSatisfying(HactlException.class,
            e -> assertThat(e.kind()).isEqualTo(HactlException.Kind.BAD_INPUT))
        .hasMessageStartingWith("cannot bootstrap environment cloudy: provider lxd starts"
            + " machines that download the agent")
        .hasMessageContaining("set agent-url and agent-sha256, or bootstrap-agent-address");
  }

  @Test
  void agentUrlIsUsedAsItIsWithoutServingAnything() throws Exception {
    URI url = URI.create("http://10.77.10.1:8000/hactl-agent-dist.tar.gz");
    try (BootstrapUserData data = BootstrapUserData.prepare(
        env("lxd", new AgentDelivery(url, SHA, 17071, null)), machine0(), "cannot bootstrap")) {
      assertThat(data.server()).isEmpty();
      assertThat(data.userData().text()).contains("urls=('" + url + "')")
          .contains("expected='" + SHA + "'").contains("--state-port 37017");
    }
  }

  @Test
  void clientServesItsDistributionOnTheBootstrapAddressUntilClosed() throws Exception {
    Path tarball = dir.resolve("agent/target/hactl-agent-dist.tar.gz");
    Files.createDirectories(tarball.getParent());
    Files.write(tarball, new byte[] {31, -117, 8, 0, 42});
    int port = freePort();
    HttpClient http = HttpClient.newHttpClient();
    URI download = URI.create("http://127.0.0.1:" + port + "/hactl-agent.tar.gz");
    HttpRequest get = HttpRequest.newBuilder(download).build();

    try (BootstrapUserData data = BootstrapUserData.prepare(
        env("lxd", new AgentDelivery(null, null, 17071, "127.0.0.1:" + port)), machine0(),
        "cannot bootstrap")) {
      assertThat(data.userData().text()).contains("urls=('" + download + "')")
          .contains("expected='" + io.hactl.core.delivery.DistributionTarball.sha256(tarball)
              + "'");
      assertThat(http.send(get, HttpResponse.BodyHandlers.ofByteArray()).body())
          .isEqualTo(Files.readAllBytes(tarball));
    }
    assertThatThrownBy(() -> http.send(get, HttpResponse.BodyHandlers.discarding()))
        .as("no longer served once the controller answered").isInstanceOf(ConnectException.class);
  }

  @Test
  void bootstrapAddressWithoutABuiltDistributionIsBadInput() throws Exception {
    EnvironmentContext env = env("lxd", new AgentDelivery(null, null, 17071, "127.0.0.1:1"));

    assertThatThrownBy(() -> BootstrapUserData.prepare(env, machine0(), "cannot bootstrap"))
        .isInstanceOf(HactlException.class)
        .hasMessageContaining("this installation has no agent distribution");
  }
}
