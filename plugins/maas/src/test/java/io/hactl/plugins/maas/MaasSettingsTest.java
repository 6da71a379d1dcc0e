package io.hactl.plugins.maas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaasSettingsTest {
  private static final String KEY = "cK3yAbc:tK3yDef:s3cr3tGhi";
  private final MaasProvider provider = new MaasProvider();

  @Test
  void declaresEndpointAndApiKeyRequiredAndTheKeySecret() {
    assertThat(provider.settings()).extracting(ProviderSetting::name, ProviderSetting::required,
            ProviderSetting::secret)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("endpoint", true, false),
            org.assertj.core.groups.Tuple.tuple("api-key", true, true),
            org.assertj.core.groups.Tuple.tuple("distro-series", false, false));
  }

  @Test
  void acceptsAMaasUrlAKeyAndASeries() {
    assertThat(provider.validateSettings(Map.of("endpoint", "http://10.1.1.1:5240/MAAS",
        "api-key", KEY, "distro-series", "jammy"))).isEmpty();
    assertThat(provider.validateSettings(Map.of("endpoint", "https://maas.example.com/MAAS/",
        "api-key", " " + KEY + " "))).isEmpty();
  }

  @Test
  void reportsUnknownAndMissingKeys() {
    assertThat(provider.validateSettings(Map.of("endpoit", "http://maas/MAAS")))
        .extracting(SettingProblem::key)
        .containsExactly("api-key", "endpoint", "endpoit");
  }

  @Test
  void reportsAMalformedKeyWithoutEchoingAnyPartOfIt() {
    for (String bad : List.of("cK3yAbc:s3cr3tGhi", "cK3yAbc::s3cr3tGhi", "a:b:c:s3cr3tGhi",
        "cK3yAbc:tK3y Def:s3cr3tGhi")) {
      List<SettingProblem> problems = provider.validateSettings(
          Map.of("endpoint", "http://maas/MAAS", "api-key", bad));

      assertThat(problems).singleElement().satisfies(problem -> {
        assertThat(problem.key()).isEqualTo("api-key");
        assertThat(problem.message()).startsWith("must be a MAAS API key of the form "
            + "consumer_key:token_key:token_secret").doesNotContain("s3cr3t").doesNotContain("cK3y");
      });
    }
  }

  @Test
  void reportsEndpointsThatAreNoHttpUrlsOrCarryCredentials() {
    assertThat(problemFor("ftp://maas/MAAS")).startsWith("must be an http or https URL");
    assertThat(problemFor("maas.example.com:5240")).startsWith("must be an http or https URL");
    assertThat(problemFor("http://admin:pa55word@maas/MAAS"))
        .isEqualTo("must not hold credentials; put the API key in api-key")
        .doesNotContain("pa55word");
    assertThat(problemFor("http://maas/MAAS?x=1")).startsWith("must have no query or fragment");
    assertThat(problemFor("http:///MAAS")).startsWith("names no host");
  }

  @Test
  void reportsASeriesThatIsNoReleaseName() {
    assertThat(provider.validateSettings(Map.of("endpoint", "http://maas/MAAS", "api-key", KEY,
        "distro-series", "Jammy Jellyfish"))).extracting(SettingProblem::key)
        .containsExactly("distro-series");
  }

  @Test
  void findsTheApiRootUnderTheMaasUrlWithOrWithoutTheApiPath() throws Exception {
    for (String endpoint : List.of("http://maas:5240/MAAS", "http://maas:5240/MAAS/",
        "http://maas:5240/MAAS/api/2.0", "http://maas:5240/MAAS/api/2.0/")) {
      MaasSettings settings = MaasSettings.from(Map.of("endpoint", endpoint, "api-key", KEY),
          List.of());

      assertThat(settings.apiBase()).hasToString("http://maas:5240/MAAS/api/2.0/");
    }
  }

  @Test
  void neverPrintsTheApiKey() throws Exception {
    MaasSettings settings = MaasSettings.from(Map.of("endpoint", "http://maas/MAAS",
        "api-key", KEY), List.of());

    assertThat(settings.toString()).contains("apiKey=<hidden>").doesNotContain("cK3y")
        .doesNotContain("tK3y").doesNotContain("s3cr3t");
    assertThat(settings.apiKey().toString()).isEqualTo("ApiKey[<hidden>]");
  }

  @Test
  void refusesToBuildFromSettingsWithProblems() {
    assertThatThrownBy(() -> MaasSettings.from(Map.of(), List.of(
        new SettingProblem("endpoint", "required"), new SettingProblem("api-key", "required"))))
        .hasMessage("invalid maas settings: endpoint required; api-key required");
  }

  private String problemFor(String endpoint) {
    List<SettingProblem> problems = provider.validateSettings(Map.of("endpoint", endpoint,
        "api-key", KEY));
    assertThat(problems).extracting(SettingProblem::key).containsExactly("endpoint");
    return problems.get(0).message();
  }
}
