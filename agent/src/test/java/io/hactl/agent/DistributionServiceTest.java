package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.config.AgentDelivery;
import io.hactl.config.ControllerDb;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.core.delivery.DistributionTarball;
import io.hactl.core.delivery.MachineUserData;
import io.hactl.core.delivery.UserData;
import io.hactl.plugin.api.AgentDistribution;
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

/** A controller agent serving its distribution over loopback, and rendering with its checksum. */
class DistributionServiceTest {

  @TempDir
  Path dir;

  private static AgentConfig config(String type, boolean controller, int agentPort) {
    ProviderAccess access = new ProviderAccess(type, Map.of(), List.of(), Path.of("/s"),
        new AgentDistribution(Path.of("java"), List.of(), "io.hactl.agent.AgentMain", List.of()),
        37017, new AgentDelivery(null, null, agentPort, null), ControllerDb.EMBEDDED);
    AgentConfig master = new AgentConfig("u", "e", "0", true, "hactl-1", "key", List.of(),
        Duration.ofSeconds(1), access);
    return controller ? master : master.forMachine("3", false, List.of());
  }

  private Path tarball() throws Exception {
    Path file = dir.resolve("hactl-agent.tar.gz");
    Files.write(file, new byte[] {31, -117, 8, 0, 1, 2, 3});
    return file;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void controllerServesItsDistributionOnTheAgentPortAtItsAddress() throws Exception {
    Path file = tarball();
    int port = freePort();
    AgentArguments arguments = AgentArguments.parse("--config", dir.resolve("a.yaml").toString(),
        "--address", "127.0.0.1", "--distribution", file.toString());
    try (DistributionService service =
        DistributionService.start(arguments, config("lxd", true, port))) {
      HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/hactl-agent.tar.gz")).build(),
          HttpResponse.BodyHandlers.ofByteArray());

      assertThat(service.address()).hasValueSatisfying(a -> assertThat(a.getPort())
          .isEqualTo(port));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void masterRendersUserDataThatFetchesFromTheControllersWithItsChecksum() throws Exception {
    Path file = tarball();
    AgentArguments arguments = AgentArguments.parse("--config", dir.resolve("a.yaml").toString(),
        "--distribution", file.toString());
    AgentConfig master = config("lxd", true, 17071);
    // Started as a plain machine, so the test binds no port: rendering needs only the checksum.
    try (DistributionService service =
        DistributionService.start(arguments, config("lxd", false, 17071))) {
      UserData data = service.userData(master).forMachine(
          master.forMachine("4", false, List.of()), 0, List.of("10.1.1.1:37017"));

      assertThat(service.address()).isEmpty();
      assertThat(data.text()).startsWith("#cloud-config")
          .contains("'http://10.1.1.1:17071/hactl-agent.tar.gz'")
          .contains("expected='" + DistributionTarball.sha256(file) + "'");
    }
  }

  @Test
  void localAgentsServeNothingAndRenderNothing() throws Exception {
    AgentArguments arguments = AgentArguments.parse("--config", dir.resolve("a.yaml").toString());
    try (DistributionService service =
        DistributionService.start(arguments, config("local", true, freePort()))) {
      assertThat(service.address()).isEmpty();
      assertThat(service.userData(config("local", true, 0))).isSameAs(MachineUserData.NONE);
    }
  }
}
