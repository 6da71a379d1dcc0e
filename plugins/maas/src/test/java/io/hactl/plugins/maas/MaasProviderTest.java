package io.hactl.plugins.maas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maas provider against an in-process HTTP server on 127.0.0.1 that answers as MAAS's API
 * documentation says MAAS 2.0 does (bodies in {@link MaasFixtures}, which cites the sections).
 * After every test, each request the provider sent is checked for a correct OAuth PLAINTEXT
 * header with a nonce never used before.
 */
class MaasProviderTest {
  private static final String API = "/MAAS/api/2.0/";
  private static final String UUID = "6c0d2c4e-5b7a-4f61-9a51-2d7f3c1e9b20";
  private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
  private static final String USER_DATA = "#cloud-config\nwrite_files:\n- path: /etc/hactl/agent"
      + ".yaml\n  permissions: '0600'\n  content: 'secret: s3cr3t'\n";
  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5));

  private static WireMockServer maas;

  @TempDir Path storage;

  private final Provider provider =
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
  void forgetEarlierStubs() {
    maas.resetAll();
  }

  @AfterEach
  void everyRequestWasSignedWithTheApiKeyAndAFreshNonce() {
    Set<String> nonces = new HashSet<>();
    for (LoggedRequest request : maas.findAll(com.github.tomakehurst.wiremock.client.WireMock
        .anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
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

  @Test
  void allocatesLabelsAndDeploysAMachineWithTheConstraintsZoneAndUserData() throws Exception {
    Map<String, String> labels = Map.of("hactl-machine-id", "3", "hactl-environment", "prod",
        "hactl-state-port", "37017");
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("4y3h7n"));
    stubPost("machines/4y3h7n/?op=set_owner_data", 200, MaasFixtures.labelled("4y3h7n", labels));
    stubPost("machines/4y3h7n/?op=deploy", 200, MaasFixtures.deploying("4y3h7n", labels));

    Instance instance = provider.startInstance(context(), spec(new Constraints(4096, 2, 20480,
        null, "amd64", List.of("ssd", "rack 1")), new Placement("zone-a")));

    assertThat(instance.id()).isEqualTo("4y3h7n");
    assertThat(instance.machineId()).isEqualTo("3");
    assertThat(instance.state()).isEqualTo(InstanceState.PENDING);
    assertThat(instance.addresses()).containsExactly("10.20.0.7");
    assertThat(instance.ports()).containsEntry(Instance.STATE_PORT, 37017);
    assertThat(instance.details()).containsEntry("status", "Deploying")
        .containsEntry("hostname", "node-4y3h7n").containsEntry("zone", "zone-a");

    assertThat(bodyOf("machines/?op=allocate")).isEqualTo("mem=4096&cpu_count=2&arch=amd64"
        + "&tags=ssd&tags=rack+1&storage=root%3A20&zone=zone-a&agent_name=" + UUID
        + "&comment=hactl+machine+3+of+environment+prod");
    assertThat(bodyOf("machines/4y3h7n/?op=set_owner_data")).isEqualTo(
        "hactl-environment=prod&hactl-machine-id=3&hactl-state-port=37017");
    Map<String, String> deploy = form(bodyOf("machines/4y3h7n/?op=deploy"));
    assertThat(deploy).containsOnlyKeys("user_data", "distro_series")
        .containsEntry("distro_series", "jammy");
    assertThat(new String(Base64.getDecoder().decode(deploy.get("user_data")),
        StandardCharsets.UTF_8)).isEqualTo(USER_DATA);
    maas.verify(1, postRequestedFor(urlEqualTo(API + "machines/?op=allocate"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
  }

  @Test
  void allocatesWithOnlyTheOwnerWhenNothingIsConstrained() throws Exception {
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("abc123"));
    stubPost("machines/abc123/?op=set_owner_data", 200, MaasFixtures.allocated("abc123"));
    stubPost("machines/abc123/?op=deploy", 200, MaasFixtures.deploying("abc123", Map.of()));

    provider.startInstance(context(), spec(Constraints.NONE, Placement.ANYWHERE));

    assertThat(bodyOf("machines/?op=allocate")).isEqualTo("agent_name=" + UUID
        + "&comment=hactl+machine+3+of+environment+prod");
  }

  @Test
  void reportsWhichConstraintsNoMachineMatchesWhenAllocateAnswers409() {
    // "Machines: Allocate a machine", error 409 no-match; text as MachinesHandler.allocate
    // builds it.
    stubPost("machines/?op=allocate", 409, "No available machine matches constraints: "
        + "[('mem', ['4096']), ('cpu_count', ['2']), ('tags', ['ssd']), ('zone', ['zone-a'])] "
        + "(resolved to \"cpu_count=2.0 mem=4096.0 tags=ssd zone=zone-a\")");

    assertThatThrownBy(() -> provider.startInstance(context(), spec(
        new Constraints(4096, 2, 0, null, null, List.of("ssd")), new Placement("zone-a"))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("no MAAS machine at http://127.0.0.1:")
        .hasMessageContaining("matches mem=4096M cores=2 tags=ssd zone=zone-a (MAAS: No "
            + "available machine matches constraints")
        .hasMessageEndingWith("free or commission a matching machine, or relax the constraints")
        .hasMessageNotContaining("\n");
    assertNothingButAllocateWasAsked();
  }

  @Test
  void reportsAZoneOrTagMaasDoesNotHaveWhenAllocateAnswers400() {
    // "Machines: Allocate a machine": invalid constraints are a validation error (400) whose
    // body is the form's errors as JSON (AcquireNodeForm.clean_zone).
    stubPost("machines/?op=allocate", 400, "{\"zone\": [\"No such zone: 'zone-x'.\"]}");

    assertThatThrownBy(() -> provider.startInstance(context(), spec(
        new Constraints(0, 0, 0, null, null, List.of("ssd")), new Placement("zone-x"))))
        .hasMessageContaining("refused to allocate a machine for tags=ssd zone=zone-x (HTTP 400: "
            + "{\"zone\": [\"No such zone: 'zone-x'.\"]}); use a zone, tags and arch that exist "
            + "in MAAS");
    assertNothingButAllocateWasAsked();
  }

  @Test
  void saysNoMachineIsAvailableWhenNothingWasConstrained() {
    // "Machines: Allocate a machine", 409 when no constraint was given at all.
    stubPost("machines/?op=allocate", 409, MaasFixtures.NO_MACHINE);

    assertThatThrownBy(() -> provider.startInstance(context(),
        spec(Constraints.NONE, Placement.ANYWHERE)))
        .hasMessageStartingWith("no MAAS machine is available at http://127.0.0.1:")
        .hasMessageContaining("(MAAS: No machine available.)");
    assertNothingButAllocateWasAsked();
  }

  @Test
  void reportsARefusedApiKeyOn401And403() {
    for (int status : new int[] {401, 403}) {
      maas.resetAll();
      // MAAS checks every request's OAuth signature: a key it does not accept is refused with
      // 401 ("Authorization Error: ..."); a user without permission gets the no-perms 403.
      stubPost("machines/?op=allocate", status, MaasFixtures.AUTH_ERROR);

      assertThatThrownBy(() -> provider.startInstance(context(),
          spec(Constraints.NONE, Placement.ANYWHERE)))
          .hasMessageContaining("refused the API key when asked to allocate a machine (HTTP "
              + status + ": Authorization Error")
          .hasMessageContaining("check the api-key setting")
          .hasMessageNotContaining("s3cr3tGhi");
      assertNothingButAllocateWasAsked();
    }
  }

  @Test
  void releasesTheMachineAgainAndReportsWhyWhenDeployFails() {
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("4y3h7n"));
    stubPost("machines/4y3h7n/?op=set_owner_data", 200, MaasFixtures.allocated("4y3h7n"));
    // "Machine: Deploy a machine": a preseed that cannot render is a 400 (MAASAPIBadRequest
    // "Failed to render preseed: ...").
    stubPost("machines/4y3h7n/?op=deploy", 400,
        "Failed to render preseed: no boot image for jammy/amd64");
    stubPost("machines/4y3h7n/?op=release", 200, MaasFixtures.releasing("4y3h7n"));

    assertThatThrownBy(() -> provider.startInstance(context(),
        spec(Constraints.NONE, Placement.ANYWHERE)))
        .hasMessageContaining("failed to deploy machine 4y3h7n (HTTP 400: Failed to render "
            + "preseed: no boot image for jammy/amd64)")
        .hasMessageEndingWith("; MAAS machine 4y3h7n was released again");
    assertThat(form(bodyOf("machines/4y3h7n/?op=release")))
        .containsEntry("comment", "hactl could not start machine 3");
  }

  @Test
  void retriesDeployWhileMaasHasNoAddressesThenReleasesAndReports() {
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("4y3h7n"));
    stubPost("machines/4y3h7n/?op=set_owner_data", 200, MaasFixtures.allocated("4y3h7n"));
    // "Machine: Deploy a machine", error 503 no-ips.
    stubPost("machines/4y3h7n/?op=deploy", 503, MaasFixtures.NO_IPS);
    stubPost("machines/4y3h7n/?op=release", 200, MaasFixtures.releasing("4y3h7n"));

    assertThatThrownBy(() -> provider.startInstance(context(),
        spec(Constraints.NONE, Placement.ANYWHERE)))
        .hasMessageContaining("was busy or had no free IP address in 3 tries to deploy machine "
            + "4y3h7n (HTTP 503: No more IPs available in subnet: 10.20.0.0/24.)")
        .hasMessageEndingWith("MAAS machine 4y3h7n was released again");
    maas.verify(FAST.attempts(), postRequestedFor(urlEqualTo(API + "machines/4y3h7n/?op=deploy")));
    maas.verify(1, postRequestedFor(urlEqualTo(API + "machines/4y3h7n/?op=release")));
  }

  @Test
  void saysTheMachineIsGoneWhenDeployAnswers404AndNothingIsLeftToRelease() {
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("4y3h7n"));
    stubPost("machines/4y3h7n/?op=set_owner_data", 200, MaasFixtures.allocated("4y3h7n"));
    // "Machine: Deploy a machine" and "Release a machine", error 404 not-found.
    stubPost("machines/4y3h7n/?op=deploy", 404, MaasFixtures.NOT_FOUND);
    stubPost("machines/4y3h7n/?op=release", 404, MaasFixtures.NOT_FOUND);

    assertThatThrownBy(() -> provider.startInstance(context(),
        spec(Constraints.NONE, Placement.ANYWHERE)))
        .hasMessage("MAAS machine 4y3h7n is gone (HTTP 404: Not Found) when asked to deploy "
            + "machine 4y3h7n; MAAS no longer knows machine 4y3h7n, so nothing was left to "
            + "release");
  }

  @Test
  void saysWhenReleasingAfterAFailedDeployFailsToo() {
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("4y3h7n"));
    // "Machine: set_owner_data": 403 when the user lacks permission; a region error on release.
    stubPost("machines/4y3h7n/?op=set_owner_data", 403, "Forbidden");
    stubPost("machines/4y3h7n/?op=release", 500, "Internal Server Error");

    assertThatThrownBy(() -> provider.startInstance(context(),
        spec(Constraints.NONE, Placement.ANYWHERE)))
        .hasMessageContaining("refused the API key when asked to label machine 4y3h7n")
        .hasMessageContaining("releasing MAAS machine 4y3h7n failed too (MAAS at ")
        .hasMessageContaining("failed to release machine 4y3h7n (HTTP 500: Internal Server "
            + "Error)")
        .hasMessageEndingWith("release it in MAAS by hand");
    maas.verify(0, postRequestedFor(urlEqualTo(API + "machines/4y3h7n/?op=deploy")));
  }

  @Test
  void retriesAllocateWhileMaasIsBusyAndHonoursRetryAfter() throws Exception {
    // A busy region answers 503 (as deploy's documented no-ips case does), here with a
    // Retry-After; then "Machines: Allocate a machine" succeeds.
    maas.stubFor(post(urlEqualTo(API + "machines/?op=allocate")).inScenario("busy")
        .whenScenarioStateIs(STARTED).willSetStateTo("ready")
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")
            .withBody("MAAS is busy")));
    maas.stubFor(post(urlEqualTo(API + "machines/?op=allocate")).inScenario("busy")
        .whenScenarioStateIs("ready")
        .willReturn(json(200, MaasFixtures.allocated("4y3h7n"))));
    stubPost("machines/4y3h7n/?op=set_owner_data", 200, MaasFixtures.allocated("4y3h7n"));
    stubPost("machines/4y3h7n/?op=deploy", 200, MaasFixtures.deploying("4y3h7n", Map.of()));

    Instance instance = provider.startInstance(context(),
        spec(Constraints.NONE, Placement.ANYWHERE));

    assertThat(instance.id()).isEqualTo("4y3h7n");
    maas.verify(2, postRequestedFor(urlEqualTo(API + "machines/?op=allocate")));
  }

  @Test
  void stopsWaitingForABusyMaasWhenInterrupted() throws Exception {
    Provider patient = new MaasProvider(Clock.fixed(NOW, ZoneOffset.UTC),
        new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5)));
    stubPost("machines/?op=allocate", 503, "MAAS is busy");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        patient.startInstance(context(), spec(Constraints.NONE, Placement.ANYWHERE));
      } catch (Throwable e) {
        failure.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    awaitRequests(1, "machines/?op=allocate");

    caller.interrupt();
    caller.join(Duration.ofSeconds(5).toMillis());

    assertThat(caller.isAlive()).as("caller still waiting").isFalse();
    assertThat(failure.get()).isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("interrupted while asking MAAS at http://127.0.0.1:")
        .hasMessageEndingWith("to allocate a machine");
    assertThat(stillInterrupted).isTrue();
    maas.verify(1, postRequestedFor(urlEqualTo(API + "machines/?op=allocate")));
  }

  @Test
  void refusesAnInstanceTypeWithoutAskingMaas() {
    assertThatThrownBy(() -> provider.startInstance(context(), spec(
        new Constraints(0, 0, 0, "m5.large", null, List.of()), Placement.ANYWHERE)))
        .hasMessage("MAAS has no instance types, so instance-type=m5.large cannot be satisfied "
            + "for machine 3; use mem=, cores=, arch=, root-disk= and tags= instead");
    assertThat(maas.getAllServeEvents()).isEmpty();
  }

  @Test
  void listsTheEnvironmentsMachinesByOwnerWithStatesAddressesAndMachineIds() throws Exception {
    maas.stubFor(get(urlPathEqualTo(API + "machines/"))
        .withQueryParam("agent_name", equalTo(UUID))
        .willReturn(json(200, MaasFixtures.list(
            machine("a1", 10, "Allocated", "off", "0"),
            machine("a2", 9, "Deploying", "on", "1"),
            machine("a3", 6, "Deployed", "on", "2"),
            machine("a4", 6, "Deployed", "off", "3"),
            machine("a5", 11, "Failed deployment", "off", "4"),
            machine("a6", 12, "Releasing", "on", "5"),
            machine("a7", 3, "Missing", "unknown", "6"),
            MaasFixtures.machine("a8", "node-a8", 6, "Deployed", "on", List.of(), Map.of())))));

    List<Instance> instances = provider.instances(context());

    assertThat(instances).extracting(Instance::id, Instance::machineId, Instance::state)
        .containsExactly(
            tuple("a1", "0", InstanceState.PENDING),
            tuple("a2", "1", InstanceState.PENDING),
            tuple("a3", "2", InstanceState.RUNNING),
            tuple("a4", "3", InstanceState.STOPPED),
            tuple("a5", "4", InstanceState.STOPPED),
            tuple("a6", "5", InstanceState.STOPPED),
            tuple("a7", "6", InstanceState.UNKNOWN),
            tuple("a8", "", InstanceState.RUNNING));
    assertThat(instances.get(2).addresses()).containsExactly("10.20.0.12", "fd00::12");
    assertThat(instances.get(2).ports()).containsEntry(Instance.STATE_PORT, 37017);
    assertThat(instances.get(4).details()).containsEntry("status", "Failed deployment")
        .containsEntry("power", "off");
    assertThat(instances.get(7).ports()).isEmpty();
    maas.verify(1, getRequestedFor(urlEqualTo(API + "machines/?agent_name=" + UUID)));
  }

  @Test
  void releasesOnlyMachinesStillListedForTheEnvironmentSoRetriesAreSafe() throws Exception {
    // x9 is not listed for this environment (released before, perhaps someone else's now) and
    // zz is unknown to MAAS: neither is released.
    maas.stubFor(get(urlPathEqualTo(API + "machines/"))
        .withQueryParam("agent_name", equalTo(UUID))
        .willReturn(json(200, MaasFixtures.list(machine("a1", 6, "Deployed", "on", "0"),
            machine("a2", 4, "Ready", "off", "1")))));
    stubPost("machines/a1/?op=release", 200, MaasFixtures.releasing("a1"));
    stubPost("machines/a2/?op=release", 200, MaasFixtures.machine("a2", "node-a2", 4, "Ready",
        "off", List.of(), Map.of()));

    provider.stopInstances(context(), List.of("a1", "x9", "a2", "zz"));
    provider.stopInstances(context(), List.of("a1", "x9", "a2", "zz"));

    maas.verify(2, getRequestedFor(urlEqualTo(API + "machines/?agent_name=" + UUID
        + "&id=a1&id=x9&id=a2&id=zz")));
    maas.verify(2, postRequestedFor(urlEqualTo(API + "machines/a1/?op=release")));
    maas.verify(2, postRequestedFor(urlEqualTo(API + "machines/a2/?op=release")));
    maas.verify(0, postRequestedFor(urlEqualTo(API + "machines/x9/?op=release")));
    maas.verify(0, postRequestedFor(urlEqualTo(API + "machines/zz/?op=release")));
    assertThat(form(bodyOf("machines/a1/?op=release")))
        .containsEntry("comment", "released by hactl environment prod");
  }

  @Test
  void ignoresAMachineThatVanishesBetweenListingAndRelease() throws Exception {
    maas.stubFor(get(urlPathEqualTo(API + "machines/"))
        .willReturn(json(200, MaasFixtures.list(machine("a1", 6, "Deployed", "on", "0")))));
    // "Machine: Release a machine", error 404 not-found.
    stubPost("machines/a1/?op=release", 404, MaasFixtures.NOT_FOUND);

    provider.stopInstances(context(), List.of("a1"));

    maas.verify(1, postRequestedFor(urlEqualTo(API + "machines/a1/?op=release")));
  }

  @Test
  void stoppingNothingAsksMaasNothing() throws Exception {
    provider.stopInstances(context(), List.of());

    assertThat(maas.getAllServeEvents()).isEmpty();
  }

  @Test
  void reportsAMachineThatCannotBeReleasedInItsState() {
    maas.stubFor(get(urlPathEqualTo(API + "machines/"))
        .willReturn(json(200, MaasFixtures.list(machine("a1", 1, "Commissioning", "on", "0")))));
    // "Machine: Release a machine", error 409 no-release (NodeStateViolation's text).
    stubPost("machines/a1/?op=release", 409,
        "Machine cannot be released in its current state ('Commissioning').");

    assertThatThrownBy(() -> provider.stopInstances(context(), List.of("a1")))
        .hasMessageContaining("cannot release machine a1 in its current state (MAAS: Machine "
            + "cannot be released in its current state ('Commissioning').)");
  }

  @Test
  void reportsAnUnreachableMaasWithTheEndpoint() {
    int port = maas.port();
    Map<String, String> settings = new LinkedHashMap<>(settings());
    // A loopback port nothing listens on: the fake MAAS is stopped for this call only.
    maas.stop();
    try {
      assertThatThrownBy(() -> provider.instances(context(settings)))
          .hasMessageStartingWith("cannot reach MAAS at http://127.0.0.1:" + port + "/MAAS to "
              + "list the machines of agent_name " + UUID)
          .hasMessageEndingWith("check the endpoint setting and that MAAS is up");
    } finally {
      maas.start();
    }
  }

  @Test
  void reportsAnAnswerThatIsNotMaasJson() {
    maas.stubFor(get(urlPathEqualTo(API + "machines/"))
        .willReturn(aResponse().withStatus(200).withBody("<html>captive portal</html>")));

    assertThatThrownBy(() -> provider.instances(context()))
        .hasMessageContaining("gave an answer hactl cannot read when asked to list the machines")
        .hasMessageEndingWith("check that the endpoint is a MAAS 2.x server");
  }

  @Test
  void refusesToWorkWithInvalidSettingsWithoutPrintingTheKey() {
    Map<String, String> bad = Map.of("endpoint", "ftp://maas", "api-key", "only:two-s3cr3t");

    assertThatThrownBy(() -> provider.instances(context(bad)))
        .hasMessageStartingWith("invalid maas settings: api-key must be a MAAS API key")
        .hasMessageContaining("endpoint must be an http or https URL")
        .hasMessageNotContaining("s3cr3t");
    assertThat(maas.getAllServeEvents()).isEmpty();
  }

  private static String machine(String id, int status, String statusName, String power,
      String machineId) {
    return MaasFixtures.machine(id, "node-" + id, status, statusName, power,
        status == 6 ? List.of("10.20.0.12", "fd00::12") : List.of(),
        Map.of("hactl-machine-id", machineId, "hactl-environment", "prod",
            "hactl-state-port", "37017"));
  }

  private void assertNothingButAllocateWasAsked() {
    assertThat(maas.getAllServeEvents()).extracting(event -> event.getRequest().getUrl())
        .containsOnly(API + "machines/?op=allocate");
  }

  private static void stubPost(String path, int status, String body) {
    maas.stubFor(post(urlEqualTo(API + path)).willReturn(json(status, body)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    // MAAS answers objects as JSON and errors as plain text.
    return aResponse().withStatus(status).withBody(body).withHeader("Content-Type",
        status < 300 ? "application/json" : "text/plain; charset=utf-8");
  }

  private static String bodyOf(String path) {
    List<LoggedRequest> requests = maas.findAll(postRequestedFor(urlEqualTo(API + path)));
    assertThat(requests).as("requests to %s", path).isNotEmpty();
    return requests.get(0).getBodyAsString();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return values;
  }

  private static Map<String, String> oauthParameters(String header) {
    assertThat(header).startsWith("OAuth ");
    Map<String, String> values = new LinkedHashMap<>();
    Matcher matcher = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header.substring(6));
    while (matcher.find()) {
      values.put(matcher.group(1), matcher.group(2));
    }
    return values;
  }

  private static void awaitRequests(int count, String path) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (maas.findAll(postRequestedFor(urlEqualTo(API + path))).size() < count) {
      assertThat(System.nanoTime()).as("%d requests to %s within 10 s", count, path)
          .isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private Map<String, String> settings() {
    return Map.of("endpoint", "http://127.0.0.1:" + maas.port() + "/MAAS",
        "api-key", "cK3yAbc:tK3yDef:s3cr3tGhi", "distro-series", "jammy");
  }

  private ProviderContext context() {
    return context(settings());
  }

  private ProviderContext context(Map<String, String> settings) {
    return new ProviderContext("prod", UUID, settings, storage,
        new AgentDistribution(Path.of("java"), List.of(), "io.hactl.agent.Main", List.of()));
  }

  private static InstanceSpec spec(Constraints constraints, Placement placement) {
    return new InstanceSpec("3", true, "secret: s3cr3t\n", USER_DATA, 37017, constraints,
        placement);
  }
}
