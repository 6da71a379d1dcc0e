package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.core.environment.BootstrapResult;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.core.store.EnvironmentRecordFile;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
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

  static final String FIRST_MACHINE = "0";
  private static final Duration MEMBER_START_TIMEOUT = Duration.ofSeconds(60);

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
    String secret = newSecret();
    env.store().saveSecret(env.name(), secret);
    env.store().saveEnvironmentRecord(env.name(),
        new EnvironmentRecordFile(uuid, env.config().type(), replicaSet, List.of(), false));

    ProviderContext context = env.providerContext(uuid);
    AgentConfig agentConfig = new AgentConfig(uuid, env.name(), FIRST_MACHINE, true, replicaSet,
        secret, List.of(), AgentConfig.DEFAULT_HEARTBEAT_INTERVAL, env.providerAccess());
    Instance instance = env.provider().startInstance(context, new InstanceSpec(FIRST_MACHINE,
        true, AgentConfigCodec.toYaml(agentConfig), env.config().statePort(), Map.of()));
    String address = stateAddress(instance);
    env.store().saveEnvironmentRecord(env.name(),
        new EnvironmentRecordFile(uuid, env.config().type(), replicaSet, List.of(address), false));

    awaitMember(context, instance, address);
    try {
      StateStores.initiate(address, replicaSet, Duration.ofSeconds(10));
      Machine machine0 = new Machine(FIRST_MACHINE,
          List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON), Machine.ALIVE,
          instance.id(), instance.addresses(), instance.ports(), true, true, Map.of(), null,
          Instant.now());
      EnvironmentRecordFile record = env.store().environmentRecord(env.name()).orElseThrow();
      try (StateStore state = StateStores.connect(env.endpoint(record))) {
        state.initialize(new EnvironmentRecord(uuid, env.name(), env.config().type(),
            replicaSet), machine0);
      }
      env.store().saveEnvironmentRecord(env.name(), record.asBootstrapped());
    } catch (StateException e) {
      throw HactlException.failure("cannot bootstrap environment " + env.name() + ": "
          + e.getMessage() + "; run `hactl destroy-environment -y` to clean up", e);
    }
    return new BootstrapResult(env.name(), uuid, FIRST_MACHINE, instance.id(), address,
        Duration.between(started, Instant.now()));
  }

  private String stateAddress(Instance instance) throws HactlException {
    Integer port = instance.ports().get(Instance.STATE_PORT);
    if (port == null && env.config().statePort() > 0) {
      port = env.config().statePort();
    }
    if (port == null || instance.addresses().isEmpty()) {
      throw HactlException.failure("cannot bootstrap environment " + env.name() + ": provider "
          + env.provider().type() + " reported no address or state port for instance "
          + instance.id() + "; run `hactl destroy-environment -y` to clean up", null);
    }
    return instance.addresses().get(0) + ":" + port;
  }

  /** Waits for the member to answer, failing fast if its agent process has died. */
  private void awaitMember(ProviderContext context, Instance instance, String address)
      throws HactlException {
    Instant deadline = Instant.now().plus(MEMBER_START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (StateStores.answersHello(address, Duration.ofMillis(500))) {
        return;
      }
      boolean stopped = env.provider().instances(context).stream()
          .filter(i -> i.id().equals(instance.id()))
          .noneMatch(i -> i.state() != InstanceState.STOPPED);
      if (stopped) {
        throw HactlException.failure("cannot bootstrap environment " + env.name()
            + ": the agent of machine 0 (instance " + instance.id() + ") exited before its"
            + " database answered; see its log " + instance.details().getOrDefault("log",
                "in the provider's storage") + "; run `hactl destroy-environment -y` to clean up",
            null);
      }
      pause(Duration.ofMillis(100));
    }
    throw HactlException.failure("cannot bootstrap environment " + env.name() + ": waited "
        + MEMBER_START_TIMEOUT.toSeconds() + "s for the database of machine 0 at " + address
        + " to answer, it did not; run `hactl destroy-environment -y` to clean up", null);
  }

  private static void pause(Duration d) throws HactlException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HactlException.failure("bootstrap was interrupted", e);
    }
  }

  private static String newSecret() {
    byte[] key = new byte[48];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
