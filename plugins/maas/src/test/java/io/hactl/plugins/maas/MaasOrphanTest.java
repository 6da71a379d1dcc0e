package io.hactl.plugins.maas;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Machines a start allocated but never labelled (MAAS's allocate takes no owner data, so the
 * machine id is set by a second call): the interrupted start releases what it may have
 * allocated, the next start releases any left, and listing shows them for destroy-environment.
 */
class MaasOrphanTest extends StubbedMaasTest {

  private static final String ORPHAN = "orph01";

  @Test
  void anAllocationInterruptedBeforeMaasAnsweredReleasesTheMachineMaasAllocated()
      throws Exception {
    // MAAS allocates at once but answers late; from then on it lists the unlabelled machine.
    maas.stubFor(post(urlEqualTo(API + "machines/?op=allocate")).inScenario("allocation")
        .whenScenarioStateIs(STARTED).willSetStateTo("allocated")
        .willReturn(json(200, MaasFixtures.allocated(ORPHAN)).withFixedDelay(3_000)));
    maas.stubFor(get(urlPathEqualTo(API + "machines/")).inScenario("allocation")
        .whenScenarioStateIs("allocated")
        .willReturn(json(200, MaasFixtures.list(MaasFixtures.allocated(ORPHAN)))));
    stubPost("machines/" + ORPHAN + "/?op=release", 200, MaasFixtures.releasing(ORPHAN));
    InterruptedStart start = startInterruptedDuringAllocate(provider, Duration.ofSeconds(10));

    assertThat(start.callerStillWaiting()).as("caller still waiting").isFalse();
    assertThat(start.failure()).isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("interrupted while asking MAAS at http://127.0.0.1:")
        .hasMessageEndingWith("to allocate a machine; released 1 of 1 unlabelled MAAS machine"
            + " it may have allocated (" + ORPHAN + ")");
    assertThat(start.interruptFlagKept()).as("interrupt flag restored").isTrue();
    maas.verify(1, postRequestedFor(urlEqualTo(API + "machines/" + ORPHAN + "/?op=release")));
    assertThat(form(bodyOf("machines/" + ORPHAN + "/?op=release")))
        .containsEntry("comment", "released by hactl environment prod: allocated by a start"
            + " that never labelled it");
  }

  @Test
  void anAllocationThatLostItsConnectionSaysWhenMaasListsNothingLeftBehind() {
    maas.stubFor(post(urlEqualTo(API + "machines/?op=allocate")).willReturn(
        json(200, "").withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() ->
        provider.startInstance(context(), spec(Constraints.NONE, Placement.ANYWHERE)));

    assertThat(failure).isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("cannot reach MAAS at http://127.0.0.1:")
        .hasMessageEndingWith("; MAAS lists no machine that allocation left behind");
    maas.verify(0, postRequestedFor(urlPathEqualTo(API + "machines/" + ORPHAN + "/")));
  }

  @Test
  void theNextStartReleasesAMachineAnEarlierStartLeftUnlabelledBeforeAllocating()
      throws Exception {
    maas.stubFor(get(urlPathEqualTo(API + "machines/")).willReturn(json(200, MaasFixtures.list(
        MaasFixtures.allocated(ORPHAN), machine("live01", 6, "Deployed", "on", "2")))));
    stubPost("machines/" + ORPHAN + "/?op=release", 200, MaasFixtures.releasing(ORPHAN));
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("new001"));
    stubPost("machines/new001/?op=set_owner_data", 200, MaasFixtures.allocated("new001"));
    stubPost("machines/new001/?op=deploy", 200, MaasFixtures.deploying("new001", Map.of()));

    Instance started = provider.startInstance(context(), spec(Constraints.NONE,
        Placement.ANYWHERE));

    assertThat(started.id()).isEqualTo("new001");
    List<String> posts = maas.getAllServeEvents().stream()
        .filter(event -> event.getRequest().getMethod().getName().equals("POST"))
        .map(event -> event.getRequest().getUrl().substring(API.length()))
        .toList();
    // Serve events come newest first.
    assertThat(posts).containsExactly("machines/new001/?op=deploy",
        "machines/new001/?op=set_owner_data", "machines/?op=allocate",
        "machines/" + ORPHAN + "/?op=release");
  }

  @Test
  void listsAnUnlabelledAllocatedMachineAsAnOrphanThatStopReleases() throws Exception {
    maas.stubFor(get(urlPathEqualTo(API + "machines/")).willReturn(json(200, MaasFixtures.list(
        MaasFixtures.allocated(ORPHAN), machine("live01", 6, "Deployed", "on", "2")))));
    stubPost("machines/" + ORPHAN + "/?op=release", 200, MaasFixtures.releasing(ORPHAN));

    List<Instance> listed = provider.instances(context());

    assertThat(listed).extracting(Instance::id, Instance::machineId).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ORPHAN, ""),
        org.assertj.core.groups.Tuple.tuple("live01", "2"));
    assertThat(listed.get(0).details()).containsKey("orphan");
    assertThat(listed.get(1).details()).doesNotContainKey("orphan");

    provider.stopInstances(context(), List.of(ORPHAN));

    maas.verify(1, postRequestedFor(urlEqualTo(API + "machines/" + ORPHAN + "/?op=release")));
  }

  @Test
  void aMachineBeingReleasedIsNoOrphanAndIsLeftAlone() throws Exception {
    maas.stubFor(get(urlPathEqualTo(API + "machines/")).willReturn(json(200,
        MaasFixtures.list(MaasFixtures.releasing("gone01")))));
    stubPost("machines/?op=allocate", 200, MaasFixtures.allocated("new001"));
    stubPost("machines/new001/?op=set_owner_data", 200, MaasFixtures.allocated("new001"));
    stubPost("machines/new001/?op=deploy", 200, MaasFixtures.deploying("new001", Map.of()));

    provider.startInstance(context(), spec(Constraints.NONE, Placement.ANYWHERE));

    maas.verify(0, postRequestedFor(urlEqualTo(API + "machines/gone01/?op=release")));
  }
}
