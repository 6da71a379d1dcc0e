package io.hactl.core.provider;

import io.hactl.plugin.api.ProviderSetting;
import java.util.List;
import java.util.Objects;

/**
 * One loaded provider as {@code hactl providers} shows it.
 *
 * @param type the provider's type, as written in {@code type:} of environments.yaml
 * @param pluginId the id of the plugin that supplies it
 * @param pluginVersion the plugin's version
 * @param spiVersion the provider SPI version the plugin was built for
 * @param settings the settings the provider accepts, in its order
 */
public record ProviderDescription(String type, String pluginId, String pluginVersion,
    String spiVersion, List<ProviderSetting> settings) {
  public ProviderDescription {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(pluginVersion, "pluginVersion");
    Objects.requireNonNull(spiVersion, "spiVersion");
    settings = List.copyOf(settings);
  }
}
