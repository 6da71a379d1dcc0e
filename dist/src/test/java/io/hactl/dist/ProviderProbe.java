package io.hactl.dist;

import io.hactl.core.provider.ProviderRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Loads the provider plugins of one folder the way a master agent does ({@code AgentMain} calls
 * {@link ProviderRegistry#load} on its plugin roots) and prints one line per provider type, then
 * one {@code problem: } line per plugin that failed. {@link AgentDistributionIT} runs it with the
 * unpacked distribution's {@code lib/*} as the class path, so what loads is what a cloud machine
 * would load.
 */
public final class ProviderProbe {

  private ProviderProbe() {}

  /**
   * Prints the provider types found in a plugins folder.
   *
   * @param args the plugins folder
   */
  public static void main(String[] args) {
    try (ProviderRegistry registry = ProviderRegistry.load(List.of(Path.of(args[0])),
        Duration.ofSeconds(30))) {
      registry.types().forEach(type -> System.out.println("provider: " + type));
      registry.problems().forEach(problem -> System.out.println("problem: " + problem));
    }
  }
}
