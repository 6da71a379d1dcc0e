package io.hactl.plugins.maas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing and stopping instances, and failures that concern every call. */
class MaasProviderListAndStopTest extends StubbedMaasTest {
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
            MaasFixtures.machine("a8", "node-a8", 6, "Deployed", "on",
                List.of("fd00::8", "10.20.0.8"), Map.of())))));

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
    assertThat(instances.get(7).addresses()).as("IPv4 first").containsExactly("10.20.0.8",
        "fd00::8");
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
  void releasesTheOthersAndReportsAMachineThatCannotBeReleasedInItsState() {
    maas.stubFor(get(urlPathEqualTo(API + "machines/"))
        .willReturn(json(200, MaasFixtures.list(machine("a1", 1, "Commissioning", "on", "0"),
            machine("a2", 6, "Deployed", "on", "1")))));
    // "Machine: Release a machine", error 409 no-release (NodeStateViolation's text).
    stubPost("machines/a1/?op=release", 409,
        "Machine cannot be released in its current state ('Commissioning').");
    stubPost("machines/a2/?op=release", 200, MaasFixtures.releasing("a2"));

    assertThatThrownBy(() -> provider.stopInstances(context(), List.of("a1", "a2")))
        .hasMessageStartingWith("MAAS at http://127.0.0.1:")
        .hasMessageContaining("cannot release machine a1 in its current state (MAAS: Machine "
            + "cannot be released in its current state ('Commissioning').)")
        .hasMessageNotContaining("a2");
    maas.verify(1, postRequestedFor(urlEqualTo(API + "machines/a2/?op=release")));
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
}
