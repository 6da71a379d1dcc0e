package io.hactl.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution endpoint over loopback. */
class DistributionServerTest {

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<byte[]> send(DistributionServer server, String method, String path)
      throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    return http.send(HttpRequest.newBuilder(uri).method(method,
        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void servesTheTarballAndItsChecksumOnTheGivenAddressOnly() throws Exception {
    DistributionTarball tarball = DistributionTarball.of(TestTarballs.distribution(dir, "x"));
    try (DistributionServer server = DistributionServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tarball)) {
      HttpResponse<byte[]> file = send(server, "GET", "/hactl-agent.tar.gz");
      HttpResponse<byte[]> sum = send(server, "GET", "/hactl-agent.tar.gz.sha256");

      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.body()).isEqualTo(Files.readAllBytes(tarball.file()));
      assertThat(new String(sum.body())).isEqualTo(tarball.sha256() + "  hactl-agent.tar.gz\n");
    }
  }

  @Test
  void answersHeadWithoutBodyAndRefusesOtherPathsAndMethods() throws Exception {
    DistributionTarball tarball = DistributionTarball.of(TestTarballs.distribution(dir, "y"));
    try (DistributionServer server = DistributionServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tarball)) {
      HttpResponse<byte[]> head = send(server, "HEAD", "/hactl-agent.tar.gz");

      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(send(server, "GET", "/etc/passwd").statusCode()).isEqualTo(404);
      assertThat(send(server, "GET", "/../hactl-agent.tar.gz.part").statusCode()).isEqualTo(404);
      assertThat(send(server, "PUT", "/hactl-agent.tar.gz").statusCode()).isEqualTo(405);
    }
  }

  @Test
  void checksumMatchesSha256sum() throws Exception {
    Path file = TestTarballs.distribution(dir, "z");
    Process process = new ProcessBuilder("sha256sum", file.toString()).start();
    String printed = new String(process.getInputStream().readAllBytes()).split(" ")[0];

    assertThat(DistributionTarball.sha256(file)).isEqualTo(printed);
  }
}
