package io.hactl.plugins.lxd;

import io.hactl.plugins.testkit.ContractTarget;
import io.hactl.plugins.testkit.ProviderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider contract against the LXD plugin packed from target/classes and loaded through
 * PF4J, its backend {@link FakeLxdDaemon} (a fake, on a unix socket). The hung backend is the
 * kit's silent TCP endpoint used as the HTTPS endpoint, with a throw-away client certificate.
 */
class LxdProviderContractTest extends ProviderContract {
  // One fake for the class: the kit cleans up after this class's @AfterEach methods ran, and each
  // test works in a fresh environment (its own uuid) anyway.
  private static Path dir;
  private static FakeLxdDaemon lxd;

  @BeforeAll
  static void startFake() throws Exception {
    dir = Files.createTempDirectory("hactl-lxd-contract-");
    lxd = new FakeLxdDaemon(dir.resolve("lxd.socket"));
  }

  @AfterAll
  static void stopFake() throws Exception {
    lxd.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Override
  protected ContractTarget target() {
    return ContractTarget.pluginFromClasses("hactl-provider-lxd")
        .context(env -> env.context(Map.of("socket", lxd.socket().toString())))
        .userData((context, instance) ->
            String.valueOf(lxd.config(instance.id()).get("cloud-init.user-data")))
        .hangingBackend((env, silent) -> {
          Path certs = TestCertificates.write(Files.createTempDirectory(dir, "certs-"));
          // The JDK's HTTP and TLS classes load slowly on a busy machine; loaded here, the
          // provider's call reaches the silent endpoint well within the kit's 2 s bound.
          javax.net.ssl.SSLContext.getDefault();
          java.net.http.HttpClient.newBuilder().build();
          return env.context(Map.of("endpoint", silent.uri("https").toString(),
              "client-cert", certs.resolve("client.crt").toString(),
              "client-key", certs.resolve("client.key").toString(),
              "server-cert", certs.resolve("client.crt").toString()));
        });
  }
}
