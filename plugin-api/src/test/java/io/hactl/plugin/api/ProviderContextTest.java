package io.hactl.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderContextTest {

  private final ProviderContext client = new ProviderContext("prod", "uuid-1",
      Map.of("region", "eu-1"), Path.of("/tmp/storage"),
      new AgentDistribution(Path.of("java"), List.of(), "x.Main", List.of()));

  @Test
  void theClientsContextCarriesNoCredentials() {
    assertThat(client.credentials()).isEmpty();
  }

  @Test
  void withCredentialsKeepsEverythingElse() {
    ProviderContext controller = client.withCredentials(Map.of("api-key", "k3y-s3cr3t"));

    assertThat(controller.credentials()).containsExactly(Map.entry("api-key", "k3y-s3cr3t"));
    assertThat(controller.withCredentials(Map.of())).isEqualTo(client);
  }

  @Test
  void toStringNamesCredentialsAndSettingsButShowsNoValue() {
    String shown = client.withCredentials(Map.of("api-key", "k3y-s3cr3t")).toString();

    assertThat(shown).contains("credentials=[api-key] <hidden>", "settings=[region]")
        .doesNotContain("k3y-s3cr3t", "eu-1");
  }

  @Test
  void aProviderResolvesNoCredentialsUnlessItSaysSo() throws Exception {
    Provider plain = new Provider() {
      public String type() {
        return "plain";
      }

      public Instance startInstance(ProviderContext context, InstanceSpec spec) {
        throw new UnsupportedOperationException();
      }

      public void stopInstances(ProviderContext context, List<String> ids) {}

      public List<Instance> instances(ProviderContext context) {
        return List.of();
      }
    };

    assertThat(plain.resolveCredentials(client)).isEmpty();
  }
}
