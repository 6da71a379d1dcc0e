package io.hactl.plugins.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider against the real LXD daemon of the test environment ({@code
 * plugins/lxd/scripts/lxd-test-env.sh up}): skipped, with a message saying so, when it is not up.
 * Probes only the containers it created, on the test bridge's subnet 10.77.10.0/24.
 */
@Tag("lxd")
class LxdDaemonTest {
  private static final Path SOCKET = Path.of(LxdSettings.DEFAULT_SOCKET);
  private static final Path ENV_STATE = Path.of("/var/lib/hactl-lxd-env");
  private static final Duration AWAIT = Duration.ofSeconds(120);

  @TempDir Path dir;

  private final LxdProvider provider = new LxdProvider();
  private final String uuid = UUID.randomUUID().toString();

  @BeforeAll
  static void requireTheTestEnvironment() throws Exception {
    String skip = "skipped: the LXD test environment is not up; run "
        + "plugins/lxd/scripts/lxd-test-env.sh up (plugins/lxd/scripts/lxd-e2e.sh runs the"
        + " end-to-end suite)";
    assumeTrue(Files.exists(SOCKET), skip + " [no socket " + SOCKET + "]");
    LxdClient client = new LxdClient(new UnixSocketTransport(SOCKET), Duration.ofSeconds(10));
    try {
      client.get("/1.0/images/aliases/" + LxdSettings.DEFAULT_IMAGE);
    } catch (LxdException e) {
      assumeTrue(false, skip + " [no image " + LxdSettings.DEFAULT_IMAGE + "]");
    }
  }

  @AfterEach
  void deleteWhatTheTestStarted() throws ProviderException {
    ProviderContext context = context(Map.of());
    provider.stopInstances(context, provider.instances(context).stream().map(Instance::id)
        .toList());
  }

  @Test
  void startsARealContainerWhoseUserDataRunsThenListsStopsAndDeletesIt() throws Exception {
    ProviderContext context = context(Map.of());
    String token = "probe-" + uuid;
    String userData = "#cloud-config\nruncmd:\n  - [sh, -c, \"mkdir -p /srv/p && echo " + token
        + " > /srv/p/index.html && cd /srv/p && nohup python3 -m http.server 8080"
        + " >/dev/null 2>&1 &\"]\n";

    Instance started = provider.startInstance(context, new InstanceSpec("0", true, "cfg",
        userData, 37017, Constraints.NONE, Placement.ANYWHERE));

    assertThat(started.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(started.ports()).containsEntry(Instance.STATE_PORT, 37017);
    assertThat(started.addresses()).hasSize(1);
    String address = started.addresses().get(0);
    assertOnTestBridge(address);
    assertThat(awaitBody("http://" + address + ":8080/")).contains(token);
    assertThat(provider.instances(context)).singleElement().satisfies(listed -> {
      assertThat(listed.id()).isEqualTo(started.id());
      assertThat(listed.machineId()).isEqualTo("0");
      assertThat(listed.state()).isEqualTo(InstanceState.RUNNING);
      assertThat(listed.addresses()).containsExactly(address);
    });

    provider.stopInstances(context, List.of(started.id()));
    provider.stopInstances(context, List.of(started.id()));

    assertThat(provider.instances(context)).isEmpty();
  }

  @Test
  void aMissingImageSaysHowToBuildIt() {
    ProviderContext context = context(Map.of("image", "hactl-no-such-image"));

    assertThatThrownBy(() -> provider.startInstance(context, new InstanceSpec("0", true, "cfg",
        "#cloud-config\n", 1, Constraints.NONE, Placement.ANYWHERE)))
        .hasMessageContaining("image hactl-no-such-image not found on LXD at unix socket "
            + SOCKET + ": run plugins/lxd/scripts/lxd-test-env.sh up");
  }

  @Test
  void listsOverHttpsWithPemFilesAsLxcAndOpensslWriteThemOrWithPkcs12() throws Exception {
    assumeTrue(Files.isReadable(ENV_STATE.resolve("client.p12")),
        "skipped: no client certificate in " + ENV_STATE + "; run lxd-test-env.sh up");
    Map<String, String> https = Map.of("endpoint", "https://127.0.0.1:8443",
        "server-cert", ENV_STATE.resolve("server.crt").toString());
    Map<String, String> sec1 = with(https, "client-cert", ENV_STATE.resolve("client.crt"),
        "client-key", ENV_STATE.resolve("client-ec.key"));
    Map<String, String> pkcs8 = with(https, "client-cert", ENV_STATE.resolve("client.crt"),
        "client-key", ENV_STATE.resolve("client.key"));
    Map<String, String> pkcs12 = with(https, "client-pkcs12", ENV_STATE.resolve("client.p12"),
        null, null);

    for (Map<String, String> settings : List.of(sec1, pkcs8, pkcs12)) {
      assertThat(provider.validateSettings(settings)).isEmpty();
      assertThat(provider.instances(context(settings))).isEmpty();
    }
    Map<String, String> wrongServer = new HashMap<>(pkcs12);
    wrongServer.put("server-cert", ENV_STATE.resolve("client.crt").toString());
    assertThatThrownBy(() -> provider.instances(context(wrongServer)))
        .hasMessageContaining("TLS with LXD at https://127.0.0.1:8443 failed")
        .hasMessageContaining("server-cert is the daemon's certificate");
  }

  private static Map<String, String> with(Map<String, String> base, String k1, Path v1,
      String k2, Path v2) {
    Map<String, String> settings = new HashMap<>(base);
    settings.put(k1, v1.toString());
    if (k2 != null) {
      settings.put(k2, v2.toString());
    }
    return settings;
  }

  /** Network safety: only addresses of the test bridge are ever probed. */
  private static void assertOnTestBridge(String address) throws Exception {
    InetAddress ip = InetAddress.getByName(address);
    assertThat(ip).isInstanceOf(Inet4Address.class);
    byte[] b = ip.getAddress();
    assertThat(new int[] {b[0] & 0xff, b[1] & 0xff, b[2] & 0xff})
        .as("address %s is on the test bridge 10.77.10.0/24", address)
        .containsExactly(10, 77, 10);
  }

  private static String awaitBody(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + AWAIT.toNanos();
    String last = "nothing";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response.body();
        }
        last = "HTTP " + response.statusCode();
      } catch (java.io.IOException e) {
        last = e.toString();
        Thread.sleep(250); // polling a container that is still booting; no event to await
      }
    }
    throw new AssertionError("waited " + AWAIT.toSeconds() + " s for " + url
        + " (the user data's probe server) to answer; last: " + last);
  }

  private ProviderContext context(Map<String, String> settings) {
    return new ProviderContext("lxd-it", uuid, settings, dir,
        new AgentDistribution(Path.of("java"), List.of(), "Main", List.of()));
  }
}
