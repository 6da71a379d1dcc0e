package io.hactl.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateCredentialsTest {

  @Test
  void everyMachineOfTheEnvironmentDerivesTheSamePasswordFromTheSetsKey() {
    StateCredentials client = StateCredentials.forSecret("key-of-the-set", true);
    StateCredentials agent = StateCredentials.forSecret("key-of-the-set", false);

    assertThat(client.user()).isEqualTo("hactl-admin");
    assertThat(client.password()).isEqualTo(agent.password()).hasSizeGreaterThanOrEqualTo(40)
        .doesNotContain("key-of-the-set");
    assertThat(StateCredentials.forSecret("another-key", true).password())
        .isNotEqualTo(client.password());
  }

  @Test
  void neverPrintsThePassword() {
    StateCredentials credentials = StateCredentials.forSecret("key-of-the-set", true);
    assertThat(credentials.toString()).contains("<hidden>")
        .doesNotContain(credentials.password());
    StateEndpoint endpoint = new StateEndpoint(java.util.List.of("127.0.0.1:1"), "rs",
        java.time.Duration.ofSeconds(1), credentials);
    assertThat(endpoint.toString()).doesNotContain(credentials.password());
  }
}
