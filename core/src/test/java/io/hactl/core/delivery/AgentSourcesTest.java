package io.hactl.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.config.AgentDelivery;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSourcesTest {

  private static final String SHA = "cd".repeat(32);
  private static final URI URL = URI.create("https://downloads.example/hactl-agent.tar.gz?sig=x");

  @Test
  void provisioningTriesEveryControllerOnceOnTheAgentPort() {
    AgentSource source = AgentSources.forProvisioning(new AgentDelivery(null, null, 17071, null),
        SHA, List.of("10.0.0.5:37017", "10.0.0.6:37017", "10.0.0.5:37017")).orElseThrow();

    assertThat(source.urls()).extracting(URI::toString).containsExactly(
        "http://10.0.0.5:17071/hactl-agent.tar.gz", "http://10.0.0.6:17071/hactl-agent.tar.gz");
    assertThat(source.sha256()).isEqualTo(SHA);
  }

  @Test
  void provisioningPutsAgentUrlFirstThenControllersServingTheSameFile() {
    AgentSource source = AgentSources.forProvisioning(new AgentDelivery(URL, SHA, 17071, null),
        SHA, List.of("[fd00::5]:37017")).orElseThrow();

    assertThat(source.urls()).extracting(URI::toString).containsExactly(URL.toString(),
        "http://[fd00::5]:17071/hactl-agent.tar.gz");
  }

  @Test
  void provisioningSkipsControllersServingAnotherFileThanAgentUrl() {
    AgentSource source = AgentSources.forProvisioning(new AgentDelivery(URL, SHA, 17071, null),
        "ef".repeat(32), List.of("10.0.0.5:37017")).orElseThrow();

    assertThat(source.urls()).containsExactly(URL);
  }

  @Test
  void provisioningHasNoSourceWhenControllersServeNothingAndNoUrlIsSet() {
    assertThat(AgentSources.forProvisioning(new AgentDelivery(null, null, 17071, null), null,
        List.of("10.0.0.5:37017"))).isEmpty();
    assertThat(AgentSources.forProvisioning(new AgentDelivery(null, null, 0, null), SHA,
        List.of("10.0.0.5:37017"))).isEmpty();
  }

  @Test
  void bootstrapUsesAgentUrlElseTheClientsAddress() {
    assertThat(AgentSources.forBootstrap(new AgentDelivery(URL, SHA, 17071, "10.77.10.1:17070"),
        SHA).orElseThrow().urls()).containsExactly(URL);
    AgentSource served = AgentSources.forBootstrap(
        new AgentDelivery(null, null, 17071, "10.77.10.1:17070"), SHA).orElseThrow();
    assertThat(served.urls()).extracting(URI::toString)
        .containsExactly("http://10.77.10.1:17070/hactl-agent.tar.gz");
    assertThat(AgentSources.forBootstrap(new AgentDelivery(null, null, 17071, null), SHA))
        .isEmpty();
  }

  @Test
  void sourcePrintsUrlsWithoutTheirQuery() {
    AgentSource source = new AgentSource(List.of(URL), SHA);

    assertThat(source.toString()).contains("https://downloads.example/hactl-agent.tar.gz?<hidden>")
        .doesNotContain("sig=x");
  }

  @Test
  void sourceRefusesABadChecksumOrScheme() {
    assertThatThrownBy(() -> new AgentSource(List.of(URL), "123"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AgentSource(List.of(URI.create("ftp://h/x")), SHA))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
