package io.hactl.plugins.testkit;

import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.ProviderContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fresh environment one contract test runs in: a new name and uuid, and an empty storage
 * folder. A provider must keep environments apart, so nothing of an earlier test is visible.
 *
 * @param name the environment's name, e.g. {@code contract3f9a1c2b} (letters and digits)
 * @param uuid the environment's uuid, random per test
 * @param storageDirectory an empty folder for the provider, deleted after the test
 */
public record ContractEnvironment(String name, String uuid, Path storageDirectory) {
  public ContractEnvironment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(storageDirectory, "storageDirectory");
  }

  /** A context for this environment with the given settings and agent distribution. */
  public ProviderContext context(Map<String, String> settings, AgentDistribution agent) {
    return new ProviderContext(name, uuid, settings, storageDirectory, agent);
  }

  /**
   * A context for this environment with the given settings, for providers that deliver the agent
   * through user data and never run it on this host.
   */
  public ProviderContext context(Map<String, String> settings) {
    return context(settings, noLocalAgent());
  }

  /** An agent distribution that cannot run: for providers that never start a local agent. */
  public static AgentDistribution noLocalAgent() {
    return new AgentDistribution(Path.of("/nonexistent/hactl-contract/java"), List.of(),
        "io.hactl.agent.AgentMain", List.of());
  }
}
