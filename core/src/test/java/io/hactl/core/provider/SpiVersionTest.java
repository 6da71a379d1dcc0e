package io.hactl.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.ProviderSpi;
import io.hactl.plugins.testkit.PluginJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars built with the test kit for the current SPI, an old one, a newer one and none. */
class SpiVersionTest {
  @TempDir Path plugins;

  private PluginJar declaring(String pluginId) {
    return PluginJar.named(pluginId).version("1.4.0")
        .classes(SettingsDeclaringProvider.class).extension(SettingsDeclaringProvider.class);
  }

  @Test
  void aPluginBuiltForAnOlderSpiIsRefusedWithAnErrorNamingBothVersions() {
    declaring("fixture-old").spiVersion("0.1").writeTo(plugins);

    try (ProviderRegistry registry = ProviderRegistry.load(List.of(plugins), Duration.ofSeconds(10))) {
      assertThat(registry.types()).isEmpty();
      assertThat(registry.problems()).extracting(PluginProblem::toString).containsExactly(
          "plugin fixture-old: refused (fixture-old-1.4.0.jar): it was built for provider SPI"
              + " 0.1 but this hactl implements SPI " + ProviderSpi.VERSION + "; install a plugin"
              + " release built for SPI " + ProviderSpi.VERSION);
    }
  }

  @Test
  void aPluginBuiltForANewerSpiIsRefusedAskingForANewerHactl() {
    declaring("fixture-new").spiVersion("0.9").writeTo(plugins);

    try (ProviderRegistry registry = ProviderRegistry.load(List.of(plugins), Duration.ofSeconds(10))) {
      assertThat(registry.problems()).singleElement().asString()
          .contains("0.9", "SPI " + ProviderSpi.VERSION, "upgrade hactl");
    }
  }

  @Test
  void aPluginThatDoesNotSayItsSpiVersionIsRefused() {
    declaring("fixture-unversioned").spiVersion(null).writeTo(plugins);

    try (ProviderRegistry registry = ProviderRegistry.load(List.of(plugins), Duration.ofSeconds(10))) {
      assertThat(registry.types()).isEmpty();
      assertThat(registry.problems()).singleElement().asString()
          .startsWith("plugin fixture-unversioned: refused (fixture-unversioned-1.4.0.jar): ")
          .contains(ProviderSpi.MANIFEST_ATTRIBUTE, ProviderSpi.VERSION);
    }
  }

  @Test
  void aRefusedPluginDoesNotKeepACompatibleOneFromLoading() {
    declaring("fixture-old").spiVersion("0.1").writeTo(plugins);
    declaring("fixture-current").writeTo(plugins);

    try (ProviderRegistry registry = ProviderRegistry.load(List.of(plugins), Duration.ofSeconds(10))) {
      assertThat(registry.types()).containsExactly("declaring");
      assertThat(registry.problems()).extracting(PluginProblem::plugin)
          .containsExactly("fixture-old");
    }
  }

  @Test
  void describesEachProviderWithItsPluginVersionSpiVersionAndSettings() {
    declaring("fixture-current").writeTo(plugins);

    try (ProviderRegistry registry = ProviderRegistry.load(List.of(plugins), Duration.ofSeconds(10))) {
      ProviderListing listing = registry.describe();

      assertThat(listing.hostSpiVersion()).isEqualTo(ProviderSpi.VERSION);
      assertThat(listing.problems()).isEmpty();
      assertThat(listing.providers()).singleElement().satisfies(provider -> {
        assertThat(provider.type()).isEqualTo("declaring");
        assertThat(provider.pluginId()).isEqualTo("fixture-current");
        assertThat(provider.pluginVersion()).isEqualTo("1.4.0");
        assertThat(provider.spiVersion()).isEqualTo(ProviderSpi.VERSION);
        assertThat(provider.settings()).extracting(ProviderSetting::name,
            ProviderSetting::required, ProviderSetting::secret)
            .containsExactly(tuple("region", true, false), tuple("token", false, true));
      });
    }
  }
}
