package io.hactl.plugins.maas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Starting an instance: allocate, label, deploy, and every way that can fail. */
class MaasProviderStartTest extends StubbedMaasTest {
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
  void refusesASecondMachineForAMachineThatAlreadyHasALiveOne() {
    maas.stubFor(get(urlPathEqualTo(API + "machines/"))
        .withQueryParam("agent_name", equalTo(UUID))
        .willReturn(json(200, MaasFixtures.list(
            machine("old1", 11, "Failed deployment", "off", "3"),
            machine("a1", 9, "Deploying", "on", "3")))));

    assertThatThrownBy(() -> provider.startInstance(context(),
        spec(Constraints.NONE, Placement.ANYWHERE)))
        .hasMessage("machine 3 already runs as MAAS machine a1 (Deploying) in environment prod;"
            + " stop that instance first");
    maas.verify(0, postRequestedFor(urlEqualTo(API + "machines/?op=allocate")));
  }

  @Test
  void startsAnewWhenTheMachinesEarlierInstanceFailed() throws Exception {
    maas.stubFor(get(urlPathEqualTo(API + "machines/"))
        .willReturn(json(200, MaasFixtures.list(
            machine("old1", 11, "Failed deployment", "off", "3")))));
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("abc123"));
    stubPost("machines/abc123/?op=set_owner_data", 200, MaasFixtures.allocated("abc123"));
    stubPost("machines/abc123/?op=deploy", 200, MaasFixtures.deploying("abc123", Map.of()));

    assertThat(provider.startInstance(context(), spec(Constraints.NONE, Placement.ANYWHERE))
        .id()).isEqualTo("abc123");
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
      forgetEarlierStubsAndOwnNoMachine();
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
    InterruptedStart start = startInterruptedDuringAllocate(patient, Duration.ofSeconds(5));

    assertThat(start.callerStillWaiting()).as("caller still waiting").isFalse();
    assertThat(start.failure()).isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("interrupted while asking MAAS at http://127.0.0.1:")
        // Interrupted while the 503 was still on its way, the start also looks for (and here
        // finds no) machine the allocation may have left: see MaasOrphanTest.
        .hasMessageContaining("to allocate a machine");
    assertThat(start.interruptFlagKept()).isTrue();
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
}
