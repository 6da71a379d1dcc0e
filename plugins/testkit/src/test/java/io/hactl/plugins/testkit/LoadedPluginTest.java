package io.hactl.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.ProviderSpi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedPluginTest {
  @TempDir Path folder;

  private PluginJar files(String pluginId) {
    return PluginJar.named(pluginId).version("2.0.1").classes(FileProvider.class)
        .extension(FileProvider.class);
  }

  @Test
  void loadsTheProviderInItsOwnPluginClassLoaderWithTheManifestsVersions() {
    try (LoadedPlugin plugin = LoadedPlugin.load(files("fixture-files").writeTo(folder))) {
      assertThat(plugin.pluginId()).isEqualTo("fixture-files");
      assertThat(plugin.pluginVersion()).isEqualTo("2.0.1");
      assertThat(plugin.spiVersion()).isEqualTo(ProviderSpi.VERSION);
      assertThat(plugin.provider().type()).isEqualTo("files");
      // The class came from the jar, not from the test's class path: PF4J really loaded it.
      assertThat(plugin.provider().getClass().getClassLoader())
          .isSameAs(plugin.classLoader())
          .isNotSameAs(FileProvider.class.getClassLoader());
      assertThat(plugin.provider()).isNotInstanceOf(FileProvider.class);
    }
  }

  @Test
  void refusesAJarBuiltForAnotherSpiVersionNamingBoth() {
    Path jar = files("fixture-old").spiVersion("0.1").writeTo(folder);

    assertThatThrownBy(() -> LoadedPlugin.load(jar))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("hactl would refuse plugin jar fixture-old-2.0.1.jar: it was built for"
            + " provider SPI 0.1 but this hactl implements SPI " + ProviderSpi.VERSION
            + "; install a plugin release built for SPI " + ProviderSpi.VERSION);
  }

  @Test
  void refusesAJarThatDoesNotSayItsSpiVersion() {
    Path jar = files("fixture-unversioned").spiVersion(null).writeTo(folder);

    assertThatThrownBy(() -> LoadedPlugin.load(jar))
        .hasMessageContaining(ProviderSpi.MANIFEST_ATTRIBUTE)
        .hasMessageContaining(ProviderSpi.VERSION);
  }

  @Test
  void aJarWithoutAProviderExtensionSaysHowToListOne() {
    Path jar = PluginJar.named("fixture-empty").classes(FileProvider.class).writeTo(folder);

    assertThatThrownBy(() -> LoadedPlugin.load(jar))
        .hasMessageContaining("plugin fixture-empty must contain exactly one")
        .hasMessageContaining("@org.pf4j.Extension");
  }

  @Test
  void anExtensionClassMissingFromTheJarIsNamed() {
    Path jar = PluginJar.named("fixture-missing").extension("fixture.GoneProvider")
        .writeTo(folder);

    assertThatThrownBy(() -> LoadedPlugin.load(jar))
        .hasMessageContaining("fixture.GoneProvider")
        .hasMessageContaining("cannot be loaded");
  }

  @Test
  void aJarWithoutPluginIdIsNotLoadedAsAPlugin() {
    Path jar = files("fixture-noid").manifest("Plugin-Id", null).writeTo(folder);

    assertThatThrownBy(() -> LoadedPlugin.load(jar))
        .hasMessageContaining("PF4J did not load");
  }
}
