package io.hactl.core.provider.internal;

import io.hactl.core.provider.PluginProblem;
import io.hactl.plugin.api.ProviderSpi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Reads the provider SPI version a plugin jar was built for ({@code Hactl-Spi-Version} in its
 * manifest) and decides, before PF4J loads any class of it, whether this hactl can run it.
 */
final class SpiVersionCheck {
  /** What the manifest says: the plugin's id (if any) and its SPI version (if any). */
  record Declared(String pluginId, String spiVersion) {}

  private SpiVersionCheck() {}

  /** The jar's declaration; empty when the jar or its manifest cannot be read (PF4J says why). */
  static Optional<Declared> read(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getManifest() == null) {
        return Optional.empty();
      }
      Attributes main = file.getManifest().getMainAttributes();
      return Optional.of(new Declared(main.getValue("Plugin-Id"),
          main.getValue(ProviderSpi.MANIFEST_ATTRIBUTE)));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * The problem to report when a plugin's declared SPI version cannot run on this hactl, e.g. "plugin
   * acme-mycloud: refused (acme-mycloud-1.0.jar): it was built for provider SPI 0.1 but this
   * hactl implements SPI 0.2; install a plugin release built for SPI 0.2".
   */
  static Optional<PluginProblem> refusal(Path jar, Declared declared) {
    if (declared.pluginId() == null) {
      // Not a PF4J plugin at all: PF4J's own error says so, which is the more useful one.
      return Optional.empty();
    }
    return ProviderSpi.incompatibility(ProviderSpi.VERSION, declared.spiVersion())
        .map(reason -> new PluginProblem(
            declared.pluginId(),
            "refused (" + jar.getFileName() + "): " + reason));
  }
}
