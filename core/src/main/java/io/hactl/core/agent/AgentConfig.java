package io.hactl.core.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a machine agent needs to run, written by the client (or, later, the provisioner)
 * and handed to the provider, which puts it on the machine in a file of mode 0600.
 *
 * @param environmentUuid the environment's unique id
 * @param environmentName the environment's name
 * @param machineId the machine this agent runs for
 * @param controller whether the agent runs a replica-set member
 * @param replicaSet the replica set's name
 * @param secret the replica set's shared key (secret: never printed)
 * @param stateAddresses controller members to reach state through; the agent refreshes them
 * @param heartbeatInterval how often the agent records that it is alive
 * @param providerAccess for controllers, how to provision machines as master; null otherwise
 */
public record AgentConfig(
    String environmentUuid,
    String environmentName,
    String machineId,
    boolean controller,
    String replicaSet,
    String secret,
    List<String> stateAddresses,
    Duration heartbeatInterval,
    ProviderAccess providerAccess) {

  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

  public AgentConfig {
    Objects.requireNonNull(environmentUuid, "environmentUuid");
    Objects.requireNonNull(environmentName, "environmentName");
    Objects.requireNonNull(machineId, "machineId");
    Objects.requireNonNull(replicaSet, "replicaSet");
    Objects.requireNonNull(secret, "secret");
    stateAddresses = List.copyOf(stateAddresses);
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    if (controller && providerAccess == null) {
      throw new IllegalArgumentException("a controller's agent needs provider access");
    }
  }

  /**
   * The config of another machine of the same environment: what a master hands to the
   * machines it provisions. Controllers get this agent's provider access, plain machines none.
   */
  public AgentConfig forMachine(String otherMachineId, boolean otherIsController,
      List<String> currentStateAddresses) {
    return new AgentConfig(environmentUuid, environmentName, otherMachineId, otherIsController,
        replicaSet, secret, currentStateAddresses, heartbeatInterval,
        otherIsController ? providerAccess : null);
  }

  @Override
  public String toString() {
    return "AgentConfig[environment=" + environmentName + " (" + environmentUuid + "), machine="
        + machineId + ", controller=" + controller + ", replicaSet=" + replicaSet
        + ", secret=<hidden>, stateAddresses=" + stateAddresses + "]";
  }
}
