package io.hactl.core.agent;

import io.hactl.config.AgentDelivery;
import io.hactl.config.ControllerDb;
import io.hactl.core.credentials.CredentialKey;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.ProviderContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a controller's agent needs to start and stop instances itself when it becomes the
 * master: the provider, its settings, where its plugin jars are, and how new machines run
 * their agent. Handed to controllers only; plain machines never provision.
 *
 * @param providerType the provider's type, e.g. {@code local}
 * @param providerSettings the environment's validated provider settings
 * @param pluginRoots folders of provider plugin jars
 * @param storageDirectory the provider's storage folder for this environment
 * @param agent how new machines run their agent
 * @param statePort the members' client port; 0 lets the provider choose
 * @param delivery how new machines get the agent (cloud providers; {@link AgentDelivery#NONE}
 *     for the local provider)
 * @param controllerDb which replica-set member new controllers run
 * @param credentialKey the key that opens the provider credentials kept in state (secret:
 *     {@link #toString()} hides it); null when the environment keeps none (older configs)
 */
public record ProviderAccess(
    String providerType,
    Map<String, String> providerSettings,
    List<Path> pluginRoots,
    Path storageDirectory,
    AgentDistribution agent,
    int statePort,
    AgentDelivery delivery,
    ControllerDb controllerDb,
    CredentialKey credentialKey) {

  /** Access without a credential key. */
  public ProviderAccess(String providerType, Map<String, String> providerSettings,
      List<Path> pluginRoots, Path storageDirectory, AgentDistribution agent, int statePort,
      AgentDelivery delivery, ControllerDb controllerDb) {
    this(providerType, providerSettings, pluginRoots, storageDirectory, agent, statePort,
        delivery, controllerDb, null);
  }

  /** Access without agent delivery (the local provider), with the embedded member. */
  public ProviderAccess(String providerType, Map<String, String> providerSettings,
      List<Path> pluginRoots, Path storageDirectory, AgentDistribution agent, int statePort) {
    this(providerType, providerSettings, pluginRoots, storageDirectory, agent, statePort,
        AgentDelivery.NONE, ControllerDb.EMBEDDED);
  }

  public ProviderAccess {
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(controllerDb, "controllerDb");
    Objects.requireNonNull(providerType, "providerType");
    providerSettings = Map.copyOf(providerSettings);
    pluginRoots = List.copyOf(pluginRoots);
    Objects.requireNonNull(storageDirectory, "storageDirectory");
    Objects.requireNonNull(agent, "agent");
  }

  /** The provider context of {@code environmentName} as this access describes it. */
  public ProviderContext context(String environmentName, String environmentUuid) {
    return new ProviderContext(environmentName, environmentUuid, providerSettings,
        storageDirectory, agent);
  }

  /**
   * The same access as seen from a machine the agent was delivered to: plugins, storage and the
   * agent's own launch come from {@link io.hactl.core.delivery.MachinePaths}, not from the
   * client's host.
   */
  public ProviderAccess onDeliveredMachine(List<Path> machinePluginRoots, Path machineStorage,
      AgentDistribution machineAgent) {
    return new ProviderAccess(providerType, providerSettings, machinePluginRoots, machineStorage,
        machineAgent, statePort, delivery, controllerDb, credentialKey);
  }

  /** The same access holding {@code key}, the environment's credential key. */
  public ProviderAccess withCredentialKey(CredentialKey key) {
    return new ProviderAccess(providerType, providerSettings, pluginRoots, storageDirectory,
        agent, statePort, delivery, controllerDb, key);
  }

  /** Shows setting names only (a setting may be a secret) and never the credential key. */
  @Override
  public String toString() {
    return "ProviderAccess[type=" + providerType + ", settings="
        + new java.util.TreeSet<>(providerSettings.keySet()) + ", storageDirectory="
        + storageDirectory + ", statePort=" + statePort + ", controllerDb=" + controllerDb
        + ", credentialKey=" + (credentialKey == null ? "none" : "<hidden>") + "]";
  }
}
