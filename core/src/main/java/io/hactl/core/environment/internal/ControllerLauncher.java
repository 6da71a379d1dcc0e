package io.hactl.core.environment.internal;

import io.hactl.config.ControllerDb;
import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.core.delivery.CloudInitUserData;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStores;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts the instance of a first controller (at bootstrap, or at a restore) and waits for its
 * member to answer. Failures name the action ("cannot bootstrap environment x") and end with
 * the clean-up advice, since an instance may already be running.
 */
final class ControllerLauncher {

  static final Duration MEMBER_START_TIMEOUT = Duration.ofSeconds(60);
  static final Duration MONGOD_PREPARE_TIMEOUT = Duration.ofSeconds(30);
  /** How an agent's last words start in its log (see the agent's main). */
  private static final String AGENT_REASON = "hactl-agent: ";
  /**
   * A cloud machine boots, may install Java and downloads the agent before its member can
   * answer: minutes, not seconds.
   */
  static final Duration CLOUD_MEMBER_START_TIMEOUT = Duration.ofMinutes(10);

  /**
   * A started controller instance and its member's {@code host:port}; {@code delivery} serves
   * the agent until the member answers (closed by {@link #awaitMember}).
   */
  record Launched(Instance instance, String address, BootstrapUserData delivery) {}

  private final EnvironmentContext env;
  private final String failurePrefix;

  /** @param failurePrefix e.g. "cannot bootstrap environment local" */
  ControllerLauncher(EnvironmentContext env, String failurePrefix) {
    this.env = env;
    this.failurePrefix = failurePrefix;
  }

  /**
   * Starts the instance. Cloud providers get user data that fetches the agent from {@code
   * agent-url} or from this client ({@link BootstrapUserData}); the local provider none.
   */
  Launched start(ProviderContext context, AgentConfig agentConfig) throws HactlException {
    BootstrapUserData delivery = BootstrapUserData.prepare(env, agentConfig, failurePrefix);
    try {
      Instance instance = env.provider().startInstance(context, new InstanceSpec(
          agentConfig.machineId(), true, AgentConfigCodec.toYaml(agentConfig),
          delivery.userData().text(), env.config().statePort(), Constraints.NONE,
          Placement.ANYWHERE));
      return new Launched(instance, stateAddress(context, instance), delivery);
    } catch (HactlException | RuntimeException e) {
      delivery.close();
      throw e;
    }
  }

  /**
   * The member's address. A cloud instance often has no address yet right after it was
   * requested (it gets one from DHCP once it boots), so the provider is asked again until it
   * reports one.
   */
  private String stateAddress(ProviderContext context, Instance started) throws HactlException {
    Instance instance = started;
    Instant deadline = Instant.now().plus(memberStartTimeout());
    while (instance.addresses().isEmpty() && Instant.now().isBefore(deadline)) {
      pause(Duration.ofMillis(500));
      instance = env.provider().instances(context).stream()
          .filter(i -> i.id().equals(started.id())).findFirst().orElse(instance);
    }
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

  /**
   * Waits for the member to answer, failing fast if its agent process has died. Whatever the
   * outcome, the client then stops serving the agent: an answering member has it, and a failed
   * one is cleaned up by destroy-environment.
   */
  void awaitMember(ProviderContext context, Launched launched) throws HactlException {
    try {
      awaitAnswer(context, launched);
    } finally {
      launched.delivery().close();
    }
  }

  private void awaitAnswer(ProviderContext context, Launched launched) throws HactlException {
    Instance instance = launched.instance();
    Instant deadline = Instant.now().plus(memberStartTimeout());
    while (Instant.now().isBefore(deadline)) {
      if (StateStores.answersHello(launched.address(), Duration.ofMillis(500))) {
        return;
      }
      boolean stopped = env.provider().instances(context).stream()
          .filter(i -> i.id().equals(instance.id()))
          .noneMatch(i -> i.state() != InstanceState.STOPPED);
      if (stopped) {
        Optional<String> reason = agentsReason(instance);
        if (reason.isPresent()) {
          throw HactlException.failure(failurePrefix + ": " + reason.get()
              + "; run `hactl destroy-environment -y` to clean up", null);
        }
        throw HactlException.failure(failurePrefix + ": the agent of machine "
            + instance.machineId() + " (instance " + instance.id() + ") exited before its"
            + " database answered; see its log " + instance.details().getOrDefault("log",
                "in the provider's storage") + "; run `hactl destroy-environment -y` to clean up",
            null);
      }
      pause(Duration.ofMillis(100));
    }
    throw HactlException.failure(failurePrefix + ": waited "
        + memberStartTimeout().toSeconds() + "s for the database of machine "
        + instance.machineId() + " at " + launched.address() + " to answer, it did not; run"
        + " `hactl destroy-environment -y` to clean up", null);
  }

  /**
   * Makes the started member the one-member replica set {@code replicaSet}. The embedded member
   * is initiated from here; a mongod ({@code controller-db: mongod}) takes replSetInitiate and
   * its first user only over its loopback interface (the localhost exception), so the
   * controller's own agent does both, and this waits until the administrator can log in on a
   * writable primary.
   *
   * @throws StateException when the embedded member refuses to be initiated
   */
  void initiate(Launched launched, String replicaSet, Duration timeout) throws HactlException {
    if (env.config().controllerDb() != ControllerDb.MONGOD) {
      StateStores.initiate(launched.address(), replicaSet, timeout);
      return;
    }
    // The agent waits for its mongod, initiates, waits to be elected, then creates the user.
    Duration patience = timeout.compareTo(MONGOD_PREPARE_TIMEOUT) < 0 ? MONGOD_PREPARE_TIMEOUT
        : timeout;
    Instant deadline = Instant.now().plus(patience);
    while (!StateStores.readyAsAdministrator(launched.address(), env.credentials(),
        Duration.ofSeconds(1))) {
      if (Instant.now().isAfter(deadline)) {
        throw HactlException.failure(failurePrefix + ": waited " + patience.toSeconds() + "s for"
            + " the agent of machine " + launched.instance().machineId() + " to initiate its"
            + " mongod at " + launched.address() + " and create the administrator "
            + StateCredentials.ADMIN_USER + ", it did not; see the agent's log "
            + launched.instance().details().getOrDefault("log", "in the provider's storage")
            + "; run `hactl destroy-environment -y` to clean up", null);
      }
      pause(Duration.ofMillis(200));
    }
  }

  /**
   * The one-line reason an agent gave on its way out ({@code hactl-agent: ...}, the last such
   * line of its log), when its log is a file on this host (the local provider's).
   */
  static Optional<String> agentsReason(Instance instance) {
    String log = instance.details().get("log");
    if (log == null) {
      return Optional.empty();
    }
    try {
      Path file = Path.of(log);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith(AGENT_REASON)) {
          return Optional.of(lines.get(i).substring(AGENT_REASON.length()).strip());
        }
      }
    } catch (IOException | InvalidPathException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private Duration memberStartTimeout() {
    return CloudInitUserData.rendersFor(env.config().type()) ? CLOUD_MEMBER_START_TIMEOUT
        : MEMBER_START_TIMEOUT;
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
