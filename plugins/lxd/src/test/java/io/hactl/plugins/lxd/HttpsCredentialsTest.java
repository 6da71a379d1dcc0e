package io.hactl.plugins.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate material a controller needs for an LXD daemon over HTTPS: read from the
 * client's files by {@code resolveCredentials}, then used by a provider whose settings name
 * files that do not exist where it runs. The daemon is a TLS server on 127.0.0.1 that demands
 * the client certificate and answers the instance listing as LXD does (empty).
 */
class HttpsCredentialsTest {

  @TempDir static Path certificates;
  @TempDir Path dir;

  private final LxdProvider provider = new LxdProvider();
  private final List<String> clientSubjects = new CopyOnWriteArrayList<>();
  private HttpsServer daemon;
  private static Path client;
  private static Path server;

  /** keytool takes a second or two per key pair: made once for the class. */
  @BeforeAll
  static void makeCertificates() throws Exception {
    client = TestCertificates.write(Files.createDirectory(certificates.resolve("client")));
    server = TestCertificates.write(Files.createDirectory(certificates.resolve("server")));
  }

  @BeforeEach
  void startDaemon() throws Exception {
    daemon = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    daemon.setHttpsConfigurator(new HttpsConfigurator(serverTls()) {
      @Override
      public void configure(HttpsParameters parameters) {
        javax.net.ssl.SSLParameters tls = getSSLContext().getDefaultSSLParameters();
        tls.setNeedClientAuth(true);
        parameters.setSSLParameters(tls);
      }
    });
    daemon.createContext("/1.0/instances", exchange -> {
      X509Certificate peer = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
          .getPeerCertificates()[0];
      clientSubjects.add(peer.getSubjectX500Principal().getName());
      byte[] body = "{\"type\":\"sync\",\"status\":\"Success\",\"status_code\":200,\"metadata\":[]}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    daemon.start();
  }

  @AfterEach
  void stopDaemon() {
    daemon.stop(0);
  }

  /** The server's key pair, trusting exactly the client's certificate. */
  private SSLContext serverTls() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server.resolve("client.p12"))) {
      keys.load(in, "test-only".toCharArray());
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, "test-only".toCharArray());
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(client.resolve("client.crt"))) {
      trusted.setCertificateEntry("client",
          CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
    return tls;
  }

  private ProviderContext context(Path clientDir, Path serverDir) {
    return new ProviderContext("prod", "3f2c0a9e-1b2d-4c5e-8f70-0a1b2c3d4e5f", Map.of(
        "endpoint", "https://127.0.0.1:" + daemon.getAddress().getPort(),
        "client-cert", clientDir.resolve("client.crt").toString(),
        "client-key", clientDir.resolve("client.key").toString(),
        "server-cert", serverDir.resolve("client.crt").toString()), dir,
        new AgentDistribution(Path.of("java"), List.of(), "io.hactl.agent.AgentMain",
            List.of()));
  }

  @Test
  void aControllerWithoutTheCertificateFilesListsWithTheMaterialResolvedOnTheClient()
      throws Exception {
    ProviderContext onClient = context(client, server);
    Map<String, String> resolved = provider.resolveCredentials(onClient);
    ProviderContext onController = context(dir.resolve("absent"), dir.resolve("absent"))
        .withCredentials(resolved);

    assertThat(resolved).containsOnlyKeys("client-cert", "client-key", "server-cert");
    assertThat(resolved.get("client-key")).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(provider.instances(onController)).isEmpty();
    assertThat(clientSubjects).containsExactly("CN=hactl-lxd-unit-test");
    assertThat(onController.toString()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void withoutTheMaterialTheSameControllerSaysWhichFileItCannotRead() {
    ProviderContext onController = context(dir.resolve("absent"), dir.resolve("absent"));

    assertThatThrownBy(() -> provider.instances(onController))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("cannot list the LXD containers of environment prod: ")
        .hasMessageContaining(dir.resolve("absent").toString());
    assertThat(clientSubjects).isEmpty();
  }

  @Test
  void incompleteStoredMaterialIsRefusedNamingWhatIsMissingButNoSecret() throws Exception {
    Map<String, String> resolved = provider.resolveCredentials(context(client, server));
    ProviderContext onController = context(dir.resolve("absent"), dir.resolve("absent"))
        .withCredentials(Map.of("client-key", resolved.get("client-key"),
            "server-cert", resolved.get("server-cert")));

    assertThatThrownBy(() -> provider.instances(onController))
        .hasMessageContaining("the LXD credentials hactl stored for the controllers lack"
            + " client-cert (they hold [client-key, server-cert]); run `hactl"
            + " update-credentials`")
        .hasMessageNotContaining("PRIVATE KEY");
  }

  @Test
  void theUnixSocketNeedsNoCredentials() throws Exception {
    ProviderContext socket = new ProviderContext("prod", "3f2c0a9e-1b2d-4c5e-8f70-0a1b2c3d4e5f",
        Map.of("socket", dir.resolve("unix.socket").toString()), dir,
        new AgentDistribution(Path.of("java"), List.of(), "x.Main", List.of()));

    assertThat(provider.resolveCredentials(socket)).isEmpty();
  }
}
