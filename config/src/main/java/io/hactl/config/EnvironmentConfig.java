package io.hactl.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One validated environment from environments.yaml.
 *
 * @param name the environment's name (its key in {@code environments:})
 * @param type the provider's name, e.g. {@code local}
 * @param controllerDb which replica-set member controllers run
 * @param statePort the replica-set member's client port; 0 lets the provider choose (local)
 * @param bindAddress the address agents and members listen on
 * @param providerSettings every key not known to hactl itself, for the provider to validate
 * @param locations where each key of this environment was written, for later error messages
 *     (e.g. a provider rejecting one of {@code providerSettings}); empty for the built-in one
 * @param logRetentionMb how large the environment's replicated log may grow, in megabytes
 *     ({@code log-retention-mb}); the master prunes the oldest records beyond it
 * @param agentDelivery how fresh cloud machines get the agent ({@code agent-url},
 *     {@code agent-sha256}, {@code agent-port}, {@code bootstrap-agent-address})
 * @param backupSchedule how often the master takes a backup ({@code backup-schedule});
 *     {@link Duration#ZERO} for never
 * @param backupKeep how many backups the controllers keep ({@code backup-keep})
 */
public record EnvironmentConfig(
    String name,
    String type,
    ControllerDb controllerDb,
    int statePort,
    String bindAddress,
    Map<String, String> providerSettings,
    Map<String, SourceLocation> locations,
    int logRetentionMb,
    AgentDelivery agentDelivery,
    Duration backupSchedule,
    int backupKeep) {

  /** {@code backup-keep} when an environment does not set it. */
  public static final int DEFAULT_BACKUP_KEEP = 10;

  /** {@code log-retention-mb} when an environment does not set it. */
  public static final int DEFAULT_LOG_RETENTION_MB = 64;

  /** A config with the default log retention. */
  public EnvironmentConfig(String name, String type, ControllerDb controllerDb, int statePort,
      String bindAddress, Map<String, String> providerSettings,
      Map<String, SourceLocation> locations) {
    this(name, type, controllerDb, statePort, bindAddress, providerSettings, locations,
        DEFAULT_LOG_RETENTION_MB, AgentDelivery.NONE, Duration.ZERO, DEFAULT_BACKUP_KEEP);
  }

  /** A config whose machines get the agent from this host's installation (no delivery). */
  public EnvironmentConfig(String name, String type, ControllerDb controllerDb, int statePort,
      String bindAddress, Map<String, String> providerSettings,
      Map<String, SourceLocation> locations, int logRetentionMb) {
    this(name, type, controllerDb, statePort, bindAddress, providerSettings, locations,
        logRetentionMb, AgentDelivery.NONE, Duration.ZERO, DEFAULT_BACKUP_KEEP);
  }

  /** A config without scheduled backups, keeping the default number of backups. */
  public EnvironmentConfig(String name, String type, ControllerDb controllerDb, int statePort,
      String bindAddress, Map<String, String> providerSettings,
      Map<String, SourceLocation> locations, int logRetentionMb,
      AgentDelivery agentDelivery) {
    this(name, type, controllerDb, statePort, bindAddress, providerSettings, locations,
        logRetentionMb, agentDelivery, Duration.ZERO, DEFAULT_BACKUP_KEEP);
  }

  public EnvironmentConfig {
    Objects.requireNonNull(agentDelivery, "agentDelivery");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(controllerDb, "controllerDb");
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (logRetentionMb < 1) {
      throw new IllegalArgumentException("log retention must be at least 1 MB");
    }
    Objects.requireNonNull(backupSchedule, "backupSchedule");
    if (backupSchedule.isNegative() || backupKeep < 1) {
      throw new IllegalArgumentException("bad backup settings: every " + backupSchedule
          + ", keep " + backupKeep);
    }
    // Copies that keep the order written, so listings follow the file.
    providerSettings = Collections.unmodifiableMap(new LinkedHashMap<>(providerSettings));
    locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
  }
}
