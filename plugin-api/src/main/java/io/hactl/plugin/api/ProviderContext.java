package io.hactl.plugin.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a provider is told about the environment it works for, on every call.
 *
 * @param environmentName the environment's name in environments.yaml
 * @param environmentUuid the environment's unique id, stable for its life
 * @param settings the provider-specific settings, already validated by {@link
 *     Provider#validateSettings}
 * @param storageDirectory a folder the provider owns for this environment (created by hactl)
 * @param agent how to run hactl's machine agent on a machine this provider starts
 * @param credentials the credential material {@link Provider#resolveCredentials} returned on the
 *     client, handed back on machines where the client's environment, profiles and files are
 *     not at hand (a controller provisioning as master); empty on the client itself, and for
 *     providers that need none. Secret: {@link #toString()} shows only the names. (@since 0.3)
 * @since 0.1
 */
public record ProviderContext(
    String environmentName,
    String environmentUuid,
    Map<String, String> settings,
    Path storageDirectory,
    AgentDistribution agent,
    Map<String, String> credentials) {

  public ProviderContext {
    Objects.requireNonNull(environmentName, "environmentName");
    Objects.requireNonNull(environmentUuid, "environmentUuid");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(storageDirectory, "storageDirectory");
    Objects.requireNonNull(agent, "agent");
    credentials = Map.copyOf(credentials);
  }

  /**
   * A context without credentials: what the client passes (the provider resolves its
   * credentials where it runs) and what providers that need none always get.
   *
   * @since 0.1
   */
  public ProviderContext(String environmentName, String environmentUuid,
      Map<String, String> settings, Path storageDirectory, AgentDistribution agent) {
    this(environmentName, environmentUuid, settings, storageDirectory, agent, Map.of());
  }

  /**
   * The same context carrying {@code resolved}, the provider's own answer of {@link
   * Provider#resolveCredentials}.
   *
   * @since 0.3
   */
  public ProviderContext withCredentials(Map<String, String> resolved) {
    return new ProviderContext(environmentName, environmentUuid, settings, storageDirectory,
        agent, resolved);
  }

  /** Names the credentials, never their values. */
  @Override
  public String toString() {
    return "ProviderContext[environmentName=" + environmentName + ", environmentUuid="
        + environmentUuid + ", settings=" + new TreeSet<>(settings.keySet())
        + ", storageDirectory=" + storageDirectory + ", agent=" + agent + ", credentials="
        + (credentials.isEmpty() ? "none" : new TreeSet<>(credentials.keySet()) + " <hidden>")
        + "]";
  }
}
