package io.hactl.plugin.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider is told about the environment it works for, on every call.
 *
 * @param environmentName the environment's name in environments.yaml
 * @param environmentUuid the environment's unique id, stable for its life
 * @param settings the provider-specific settings, already validated by {@link
 *     Provider#validateSettings}
 * @param storageDirectory a folder the provider owns for this environment (created by hactl)
 * @param agent how to run hactl's machine agent on a machine this provider starts
 * @since 0.1
 */
public record ProviderContext(
    String environmentName,
    String environmentUuid,
    Map<String, String> settings,
    Path storageDirectory,
    AgentDistribution agent) {

  public ProviderContext {
    Objects.requireNonNull(environmentName, "environmentName");
    Objects.requireNonNull(environmentUuid, "environmentUuid");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(storageDirectory, "storageDirectory");
    Objects.requireNonNull(agent, "agent");
  }
}
