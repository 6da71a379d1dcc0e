package io.hactl.core.provider;

import java.util.List;
import java.util.Objects;

/**
 * What {@code hactl providers} reports: the SPI this hactl implements, the providers loaded, and
 * the plugins that could not be used (refused for their SPI version, broken, ...).
 *
 * @param hostSpiVersion the provider SPI version this hactl implements
 * @param providers the loaded providers, sorted by type
 * @param problems plugins that could not be loaded or described, one line each
 */
public record ProviderListing(String hostSpiVersion, List<ProviderDescription> providers,
    List<PluginProblem> problems) {
  public ProviderListing {
    Objects.requireNonNull(hostSpiVersion, "hostSpiVersion");
    providers = List.copyOf(providers);
    problems = List.copyOf(problems);
  }
}
