package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.credentials.CredentialKey;
import io.hactl.core.credentials.ProviderCredentials;
import io.hactl.core.environment.BootstrapResult;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateException;
import io.hactl.core.backup.BackupSchedule;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.core.store.EnvironmentRecordFile;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.ProviderContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bootstraps an environment: starts machine 0, initiates its replica set and records the
 * environment in state. The local record is written first (not yet bootstrapped), so that a
 * bootstrap that fails half-way can still be cleaned up by destroy-environment.
 */
final class Bootstrapper {

  /**
   * The member already answered (awaitMember), but initiating writes its first log entry and
   * snapshot: on a loaded machine, or a fresh cloud instance still running cloud-init, that
   * took more than 10 s.
   */
  private static final Duration INITIATE_TIMEOUT = Duration.ofSeconds(30);

  static final String FIRST_MACHINE = "0";

  private final EnvironmentContext env;

  Bootstrapper(EnvironmentContext env) {
    this.env = env;
  }

  BootstrapResult bootstrap() throws HactlException {
    Instant started = Instant.now();
    if (env.store().environmentRecord(env.name()).isPresent()) {
      throw HactlException.badInput("cannot bootstrap environment " + env.name()
          + ": it is already bootstrapped (or a bootstrap failed half-way); run `hactl"
          + " destroy-environment -e " + env.name() + "` first");
    }

    String uuid = UUID.randomUUID().toString();
    String replicaSet = "hactl-" + uuid.substring(0, 8);
    // Resolved before anything is written or started: missing credentials leave nothing behind.
    Map<String, String> credentials =
        env.provider().resolveCredentials(env.providerContext(uuid));
    String secret = newSecret();
    env.store().saveSecret(env.name(), secret);
    // Before providerAccess(): machine 0's agent config carries the key (see credentials).
    CredentialKey credentialKey = CredentialKey.generate();
    env.store().saveCredentialKey(env.name(), credentialKey.encoded());
    env.store().saveEnvironmentRecord(env.name(),
        new EnvironmentRecordFile(uuid, env.config().type(), replicaSet, List.of(), false));

    ProviderContext context = env.providerContext(uuid);
    AgentConfig agentConfig = new AgentConfig(uuid, env.name(), FIRST_MACHINE, true, replicaSet,
        secret, List.of(), AgentConfig.DEFAULT_HEARTBEAT_INTERVAL, env.providerAccess(),
        env.config().logRetentionMb());
    ControllerLauncher launcher =
        new ControllerLauncher(env, "cannot bootstrap environment " + env.name());
    ControllerLauncher.Launched launched = launcher.start(context, agentConfig);
    Instance instance = launched.instance();
    String address = launched.address();
    env.store().saveEnvironmentRecord(env.name(),
        new EnvironmentRecordFile(uuid, env.config().type(), replicaSet, List.of(address), false));

    launcher.awaitMember(context, launched);
    try {
      launcher.initiate(launched, replicaSet, INITIATE_TIMEOUT);
      Machine machine0 = new Machine(FIRST_MACHINE,
          List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON), Machine.ALIVE,
          instance.id(), instance.addresses(), instance.ports(), true, true, Map.of(), null,
          Instant.now());
      EnvironmentRecordFile record = env.store().environmentRecord(env.name()).orElseThrow();
      try (StateStore state = StateStores.connect(env.endpoint(record))) {
        state.initialize(new EnvironmentRecord(uuid, env.name(), env.config().type(),
            replicaSet), machine0);
        state.setBackupSchedule(BackupSchedule.of(env.config()));
        if (!credentials.isEmpty()) {
          new ProviderCredentials(state, credentialKey, uuid).store(credentials);
        }
      }
      env.store().saveEnvironmentRecord(env.name(), record.asBootstrapped());
    } catch (StateException e) {
      throw HactlException.failure("cannot bootstrap environment " + env.name() + ": "
          + e.getMessage() + "; run `hactl destroy-environment -y` to clean up", e);
    }
    return new BootstrapResult(env.name(), uuid, FIRST_MACHINE, instance.id(), address,
        Duration.between(started, Instant.now()));
  }

  private static String newSecret() {
    byte[] key = new byte[48];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
