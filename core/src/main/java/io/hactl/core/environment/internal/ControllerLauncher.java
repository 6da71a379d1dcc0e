package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.core.state.StateStores;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts the instance of a first controller (at bootstrap, or at a restore) and waits for its
 * member to answer. Failures name the action ("cannot bootstrap environment x") and end with
 * the clean-up advice, since an instance may already be running.
 */
final class ControllerLauncher {

  static final Duration MEMBER_START_TIMEOUT = Duration.ofSeconds(60);

  /** A started controller instance and its member's {@code host:port}. */
  record Launched(Instance instance, String address) {}

  private final EnvironmentContext env;
  private final String failurePrefix;

  /** @param failurePrefix e.g. "cannot bootstrap environment local" */
  ControllerLauncher(EnvironmentContext env, String failurePrefix) {
    this.env = env;
    this.failurePrefix = failurePrefix;
  }

  Launched start(ProviderContext context, AgentConfig agentConfig) throws HactlException {
    Instance instance = env.provider().startInstance(context, new InstanceSpec(
        agentConfig.machineId(), true, AgentConfigCodec.toYaml(agentConfig),
        "", env.config().statePort(), Constraints.NONE, Placement.ANYWHERE));
    return new Launched(instance, stateAddress(instance));
  }

  private String stateAddress(Instance instance) throws HactlException {
    Integer port = instance.ports().get(Instance.STATE_PORT);
    if (port == null && env.config().statePort() > 0) {
      port = env.config().statePort();
    }
    if (port == null || instance.addresses().isEmpty()) {
      throw HactlException.failure(failurePrefix + ": provider " + env.provider().type()
          + " reported no address or state port for instance " + instance.id()
          + "; run `hactl destroy-environment -y` to clean up", null);
    }
    return instance.addresses().get(0) + ":" + port;
  }

  /** Waits for the member to answer, failing fast if its agent process has died. */
  void awaitMember(ProviderContext context, Launched launched) throws HactlException {
    Instance instance = launched.instance();
    Instant deadline = Instant.now().plus(MEMBER_START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (StateStores.answersHello(launched.address(), Duration.ofMillis(500))) {
        return;
      }
      boolean stopped = env.provider().instances(context).stream()
          .filter(i -> i.id().equals(instance.id()))
          .noneMatch(i -> i.state() != InstanceState.STOPPED);
      if (stopped) {
        throw HactlException.failure(failurePrefix + ": the agent of machine "
            + instance.machineId() + " (instance " + instance.id() + ") exited before its"
            + " database answered; see its log " + instance.details().getOrDefault("log",
                "in the provider's storage") + "; run `hactl destroy-environment -y` to clean up",
            null);
      }
      pause(Duration.ofMillis(100));
    }
    throw HactlException.failure(failurePrefix + ": waited "
        + MEMBER_START_TIMEOUT.toSeconds() + "s for the database of machine "
        + instance.machineId() + " at " + launched.address() + " to answer, it did not; run"
        + " `hactl destroy-environment -y` to clean up", null);
  }

  private static void pause(Duration d) throws HactlException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HactlException.failure("interrupted while waiting for a controller to start", e);
    }
  }
}
