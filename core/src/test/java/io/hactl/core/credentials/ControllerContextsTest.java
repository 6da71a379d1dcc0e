package io.hactl.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.HactlException;
import io.hactl.core.testing.InMemoryStateStore;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.ProviderContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerContextsTest {

  private static final String UUID = "7d0e1f2a-0000-4000-8000-000000000001";
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final CredentialKey key = CredentialKey.generate();
  private final ProviderContext base = new ProviderContext("prod", UUID, Map.of("region", "r1"),
      Path.of("/tmp/provider"), new AgentDistribution(Path.of("/usr/bin/java"), List.of(),
          "x.Main", List.of()));

  @Test
  void handsTheProviderTheCredentialsTheClientStoredAndTheirUpdates() throws Exception {
    ProviderCredentials vault = new ProviderCredentials(state, key, UUID);
    ControllerContexts contexts = new ControllerContexts(base, state, key);
    vault.store(Map.of("api-key", "first"));

    assertThat(contexts.current().credentials()).containsExactly(Map.entry("api-key", "first"));
    assertThat(contexts.current().settings()).isEqualTo(base.settings());

    vault.store(Map.of("api-key", "rotated"));

    assertThat(contexts.current().credentials()).containsExactly(
        Map.entry("api-key", "rotated"));
  }

  @Test
  void withoutStoredCredentialsOrWithoutAKeyTheContextIsTheBaseOne() throws Exception {
    assertThat(new ControllerContexts(base, state, key).current()).isSameAs(base);
    new ProviderCredentials(state, key, UUID).store(Map.of("api-key", "x"));
    assertThat(new ControllerContexts(base, state, null).current()).isSameAs(base);
  }

  @Test
  void credentialsSealedUnderAnotherKeyFailTheCallSayingWhatToDo() {
    new ProviderCredentials(state, CredentialKey.generate(), UUID).store(Map.of("k", "v"));

    assertThatThrownBy(() -> new ControllerContexts(base, state, key).current())
        .isInstanceOf(HactlException.class)
        .hasMessageStartingWith("cannot call provider as master of environment prod: cannot"
            + " decrypt the provider credentials in state")
        .hasMessageContaining("hactl update-credentials");
  }

  @Test
  void theContextNamesCredentialsButNeverShowsThem() throws Exception {
    new ProviderCredentials(state, key, UUID).store(Map.of("api-key", "s3cr3t-value"));

    assertThat(new ControllerContexts(base, state, key).current().toString())
        .contains("credentials=[api-key] <hidden>").doesNotContain("s3cr3t-value");
  }
}
