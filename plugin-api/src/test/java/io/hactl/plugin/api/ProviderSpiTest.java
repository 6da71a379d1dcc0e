package io.hactl.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderSpiTest {

  @Test
  void versionConstantAgreesWithTheVersionTheBuildWritesIntoPluginManifests() {
    assertThat(ProviderSpi.VERSION).isEqualTo(System.getProperty("hactl.spi.version"));
  }

  @Test
  void beforeOnePointZeroOnlyTheSameMinorIsCompatible() {
    assertThat(ProviderSpi.isCompatible("0.2", "0.2")).isTrue();
    assertThat(ProviderSpi.isCompatible("0.2", "0.1")).isFalse();
    assertThat(ProviderSpi.isCompatible("0.2", "0.3")).isFalse();
    assertThat(ProviderSpi.isCompatible("0.2", "1.0")).isFalse();
  }

  @Test
  void fromOnePointZeroAHostRunsPluginsOfItsMajorBuiltForAnOlderOrEqualMinor() {
    assertThat(ProviderSpi.isCompatible("1.3", "1.0")).isTrue();
    assertThat(ProviderSpi.isCompatible("1.3", "1.3")).isTrue();
    assertThat(ProviderSpi.isCompatible("1.3", "1.4")).isFalse();
    assertThat(ProviderSpi.isCompatible("1.3", "2.0")).isFalse();
    assertThat(ProviderSpi.isCompatible("2.0", "1.9")).isFalse();
  }

  @Test
  void refusalNamesBothVersionsAndWhatToDo() {
    assertThat(ProviderSpi.incompatibility("0.2", "0.1")).hasValue(
        "it was built for provider SPI 0.1 but this hactl implements SPI 0.2; install a plugin"
            + " release built for SPI 0.2");
    assertThat(ProviderSpi.incompatibility("0.2", "0.3")).get().asString()
        .contains("0.3", "0.2", "upgrade hactl");
  }

  @Test
  void missingOrMalformedVersionsAreRefusedWithTheHostVersion() {
    assertThat(ProviderSpi.incompatibility("0.2", null)).get().asString()
        .contains("Hactl-Spi-Version", "0.2");
    assertThat(ProviderSpi.incompatibility("0.2", " ")).isPresent();
    assertThat(ProviderSpi.incompatibility("0.2", "0.2.1")).get().asString()
        .contains("\"0.2.1\"", "MAJOR.MINOR");
    assertThat(ProviderSpi.isCompatible("0.2", "v0.2")).isFalse();
  }
}
