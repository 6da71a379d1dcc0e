package io.hactl.plugins.maas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maas provider against an in-process HTTP server on 127.0.0.1 whose stubs answer as MAAS's
 * API documentation says MAAS 2.0 does (bodies in {@link MaasFixtures}, which cites the sections;
 * each error stub names its section). After every test, each request the provider sent is checked
 * for a correct OAuth PLAINTEXT header with a nonce never used before.
 */
abstract class StubbedMaasTest {
  static final String API = "/MAAS/api/2.0/";
  static final String UUID = "6c0d2c4e-5b7a-4f61-9a51-2d7f3c1e9b20";
  static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
  static final String USER_DATA = "#cloud-config\nwrite_files:\n- path: /etc/hactl/agent"
      + ".yaml\n  permissions: '0600'\n  content: 'secret: s3cr3t'\n";
  static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5));

  static WireMockServer maas;

  @TempDir Path storage;

  final Provider provider =
      new MaasProvider(Clock.fixed(NOW, ZoneOffset.UTC), FAST);

  @BeforeAll
  static void startFakeMaas() {
    maas = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1").dynamicPort());
    maas.start();
  }

  @AfterAll
  static void stopFakeMaas() {
    maas.stop();
  }

  @BeforeEach
  void forgetEarlierStubsAndOwnNoMachine() {
    maas.resetAll();
    // "Machines: List Nodes": the environment owns no machine yet, unless a test says so.
    maas.stubFor(get(urlPathEqualTo(API + "machines/")).atPriority(10)
        .willReturn(json(200, MaasFixtures.list())));
  }

  @AfterEach
  void everyRequestWasSignedWithTheApiKeyAndAFreshNonce() {
    Set<String> nonces = new HashSet<>();
    for (LoggedRequest request : maas.findAll(anyRequestedFor(anyUrl()))) {
      Map<String, String> oauth = oauthParameters(request.getHeader("Authorization"));
      assertThat(oauth).as("OAuth header of %s %s", request.getMethod(), request.getUrl())
          .containsEntry("realm", "")
          .containsEntry("oauth_version", "1.0")
          .containsEntry("oauth_signature_method", "PLAINTEXT")
          .containsEntry("oauth_consumer_key", "cK3yAbc")
          .containsEntry("oauth_token", "tK3yDef")
          // consumer secret (empty) & token secret, percent-encoded (RFC 5849 3.4.4, 3.5.1)
          .containsEntry("oauth_signature", "%26s3cr3tGhi")
          .containsEntry("oauth_timestamp", Long.toString(NOW.getEpochSecond()))
          .containsKey("oauth_nonce");
      assertThat(oauth.get("oauth_nonce")).matches("[0-9a-f]{32}");
      assertThat(nonces.add(oauth.get("oauth_nonce"))).as("nonce used once").isTrue();
    }
  }

  static String machine(String id, int status, String statusName, String power,
      String machineId) {
    return MaasFixtures.machine(id, "node-" + id, status, statusName, power,
        status == 6 ? List.of("10.20.0.12", "fd00::12") : List.of(),
        Map.of("hactl-machine-id", machineId, "hactl-environment", "prod",
            "hactl-state-port", "37017"));
  }

  /** The environment's machines were listed and one allocation asked for; nothing else. */
  void assertNothingButAllocateWasAsked() {
    assertThat(maas.getAllServeEvents()).extracting(event -> event.getRequest().getUrl())
        .containsOnly(API + "machines/?agent_name=" + UUID, API + "machines/?op=allocate");
  }

  static void stubPost(String path, int status, String body) {
    maas.stubFor(post(urlEqualTo(API + path)).willReturn(json(status, body)));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    // MAAS answers objects as JSON and errors as plain text.
    return aResponse().withStatus(status).withBody(body).withHeader("Content-Type",
        status < 300 ? "application/json" : "text/plain; charset=utf-8");
  }

  static String bodyOf(String path) {
    List<LoggedRequest> requests = maas.findAll(postRequestedFor(urlEqualTo(API + path)));
    assertThat(requests).as("requests to %s", path).isNotEmpty();
    return requests.get(0).getBodyAsString();
  }

  static Map<String, String> form(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return values;
  }

  static Map<String, String> oauthParameters(String header) {
    assertThat(header).startsWith("OAuth ");
    Map<String, String> values = new LinkedHashMap<>();
    Matcher matcher = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header.substring(6));
    while (matcher.find()) {
      values.put(matcher.group(1), matcher.group(2));
    }
    return values;
  }

  static void awaitRequests(int count, String path) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (maas.findAll(postRequestedFor(urlEqualTo(API + path))).size() < count) {
      assertThat(System.nanoTime()).as("%d requests to %s within 10 s", count, path)
          .isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  Map<String, String> settings() {
    return Map.of("endpoint", "http://127.0.0.1:" + maas.port() + "/MAAS",
        "api-key", "cK3yAbc:tK3yDef:s3cr3tGhi", "distro-series", "jammy");
  }

  ProviderContext context() {
    return context(settings());
  }

  ProviderContext context(Map<String, String> settings) {
    return new ProviderContext("prod", UUID, settings, storage,
        new AgentDistribution(Path.of("java"), List.of(), "io.hactl.agent.Main", List.of()));
  }

  /** What a start interrupted while MAAS was asked to allocate left behind. */
  record InterruptedStart(Throwable failure, boolean interruptFlagKept, boolean callerStillWaiting) {
  }

  /**
   * Starts an instance on another thread, interrupts it once MAAS has received the allocate
   * request, and waits up to {@code patience} for it to give up.
   */
  InterruptedStart startInterruptedDuringAllocate(Provider target, Duration patience)
      throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean interruptFlagKept = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        target.startInstance(context(), spec(Constraints.NONE, Placement.ANYWHERE));
      } catch (Throwable e) {
        failure.set(e);
        interruptFlagKept.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    awaitRequests(1, "machines/?op=allocate");
    caller.interrupt();
    caller.join(patience.toMillis());
    return new InterruptedStart(failure.get(), interruptFlagKept.get(), caller.isAlive());
  }

  static InstanceSpec spec(Constraints constraints, Placement placement) {
    return new InstanceSpec("3", true, "secret: s3cr3t\n", USER_DATA, 37017, constraints,
        placement);
  }
}
