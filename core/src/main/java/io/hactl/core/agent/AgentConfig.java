package io.hactl.core.agent;

import io.hactl.config.EnvironmentConfig;
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
 * @param logRetentionMb how large the environment's log may grow, in megabytes: the limit a
 *     controller's agent prunes to while it is the master
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
    ProviderAccess providerAccess,
    int logRetentionMb) {

  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

  /** {@code log-retention-mb} when nothing says otherwise. */
  public static final int DEFAULT_LOG_RETENTION_MB = EnvironmentConfig.DEFAULT_LOG_RETENTION_MB;

  /** A config with the default log retention. */
  public AgentConfig(String environmentUuid, String environmentName, String machineId,
      boolean controller, String replicaSet, String secret, List<String> stateAddresses,
      Duration heartbeatInterval, ProviderAccess providerAccess) {
    this(environmentUuid, environmentName, machineId, controller, replicaSet, secret,
        stateAddresses, heartbeatInterval, providerAccess, DEFAULT_LOG_RETENTION_MB);
  }

  public AgentConfig {
    Objects.requireNonNull(environmentUuid, "environmentUuid");
    Objects.requireNonNull(environmentName, "environmentName");
    Objects.requireNonNull(machineId, "machineId");
    Objects.requireNonNull(replicaSet, "replicaSet");
    Objects.requireNonNull(secret, "secret");
    stateAddresses = List.copyOf(stateAddresses);
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    if (logRetentionMb < 1) {
      throw new IllegalArgumentException("log retention must be at least 1 MB");
    }
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
        otherIsController ? providerAccess : null, logRetentionMb);
  }

  /** A copy whose log may grow to {@code megabytes}. */
  public AgentConfig withLogRetentionMb(int megabytes) {
    return new AgentConfig(environmentUuid, environmentName, machineId, controller, replicaSet,
        secret, stateAddresses, heartbeatInterval, providerAccess, megabytes);
  }

  /** A copy with other provider access (e.g. relocated to a delivered machine's paths). */
  public AgentConfig withProviderAccess(ProviderAccess access) {
    return new AgentConfig(environmentUuid, environmentName, machineId, controller, replicaSet,
        secret, stateAddresses, heartbeatInterval, access, logRetentionMb);
  }

  @Override
  public String toString() {
    return "AgentConfig[environment=" + environmentName + " (" + environmentUuid + "), machine="
        + machineId + ", controller=" + controller + ", replicaSet=" + replicaSet
        + ", secret=<hidden>, stateAddresses=" + stateAddresses + "]";
  }
}
