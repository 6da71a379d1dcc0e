package io.hactl.plugins.maas;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API key a controller uses: resolved on the client (the setting itself, or the variable
 * {@code env:NAME} names), then handed back in the context where no such variable exists. Every
 * request is checked for the key's OAuth header after each test ({@link StubbedMaasTest}).
 */
class MaasCredentialsTest extends StubbedMaasTest {

  private static final String KEY = "cK3yAbc:tK3yDef:s3cr3tGhi";

  private Map<String, String> byReference() {
    return Map.of("endpoint", "http://127.0.0.1:" + maas.port() + "/MAAS",
        "api-key", "env:MAAS_API_KEY");
  }

  private Provider withEnvironment(Map<String, String> environment) {
    return new MaasProvider(Clock.fixed(NOW, ZoneOffset.UTC), FAST, environment::get);
  }

  @Test
  void resolvesTheKeyOfTheSettingOrOfTheVariableItNames() throws Exception {
    assertThat(provider.resolveCredentials(context())).containsExactly(Map.entry("api-key", KEY));
    assertThat(withEnvironment(Map.of("MAAS_API_KEY", KEY)).resolveCredentials(
        context(byReference()))).containsExactly(Map.entry("api-key", KEY));
  }

  @Test
  void aControllerWithoutTheVariableListsWithTheKeyHactlHandsIt() throws Exception {
    Provider controller = withEnvironment(Map.of());
    ProviderContext onController = context(byReference()).withCredentials(
        withEnvironment(Map.of("MAAS_API_KEY", KEY)).resolveCredentials(context(byReference())));

    assertThat(controller.instances(onController)).extracting(Instance::id).isEmpty();
    assertThat(maas.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void withoutTheVariableOrCredentialsTheCallSaysWhatIsMissing() {
    assertThatThrownBy(() -> withEnvironment(Map.of()).instances(context(byReference())))
        .isInstanceOf(ProviderException.class)
        .hasMessage("no MAAS API key: api-key: env:MAAS_API_KEY needs MAAS_API_KEY set in"
            + " hactl's environment");
  }

  @Test
  void malformedKeysAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> withEnvironment(Map.of("MAAS_API_KEY", "not-a-s3cret-key"))
        .resolveCredentials(context(byReference())))
        .hasMessageStartingWith("the MAAS API key in env:MAAS_API_KEY must be a MAAS API key")
        .hasMessageNotContaining("not-a-s3cret-key");
    assertThatThrownBy(() -> provider.instances(context().withCredentials(
        Map.of("api-key", "broken-s3cret"))))
        .hasMessageStartingWith("the MAAS API key hactl stored for the controllers must be")
        .hasMessageEndingWith("; run `hactl update-credentials`")
        .hasMessageNotContaining("broken-s3cret");
  }

  @Test
  void aReferenceMustNameAVariable() {
    assertThat(provider.validateSettings(Map.of("endpoint", "http://maas/MAAS",
        "api-key", "env:not a name"))).extracting(p -> p.key() + ": " + p.message())
        .containsExactly("api-key: env: must name an environment variable, e.g."
            + " env:MAAS_API_KEY");
  }
}
