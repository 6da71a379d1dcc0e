package io.hactl.core.provisioning;

import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.core.delivery.MachineUserData;
import io.hactl.core.delivery.UserData;
import io.hactl.core.provider.ConstraintsSyntax;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateStore;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's provisioner: each round observes state and the provider, plans with {@link
 * ProvisioningPlanner}, and applies. A machine whose start failed is retried with exponential
 * backoff (2 s doubling to 1 min) and its error is recorded in state for status to show. Only
 * one thread may call {@link #runOnce()}: it owns the backoff table.
 */
public final class ProvisionerWorker {

  private static final Logger LOG = LoggerFactory.getLogger(ProvisionerWorker.class);
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  static final Duration MAX_RETRY = Duration.ofMinutes(1);

  private final StateStore state;
  private final InstanceBroker broker;
  private final AgentConfig master;
  private final MachineUserData userData;
  private final Clock clock;
  private final Map<String, Backoff> backoffs = new HashMap<>();

  private record Backoff(Instant notBefore, Duration next) {}

  /** A provisioner whose machines need no user data (the local provider). */
  public ProvisionerWorker(StateStore state, InstanceBroker broker, AgentConfig master,
      Clock clock) {
    this(state, broker, master, MachineUserData.NONE, clock);
  }

  /**
   * @param userData renders each new machine's cloud-init user data (see {@link
   *     io.hactl.core.delivery.CloudInitUserData#forMaster}); a failure to render is recorded
   *     as the machine's provisioning error and retried like a failed start
   */
  public ProvisionerWorker(StateStore state, InstanceBroker broker, AgentConfig master,
      MachineUserData userData, Clock clock) {
    this.state = state;
    this.broker = broker;
    this.master = master;
    this.userData = userData;
    this.clock = clock;
  }

  /**
   * One round. State errors propagate (the caller's loop retries the round); provider errors
   * are per machine.
   */
  public ProvisioningPlan runOnce() throws HactlException {
    List<Machine> machines = state.machines();
    ProvisioningPlan plan =
        ProvisioningPlanner.plan(machines, broker.instances(), state.nextMachineId());
    for (Instance instance : plan.adopt()) {
      state.setInstance(instance.machineId(), instance.id(), instance.addresses(),
          recordedPorts(machine(machines, instance.machineId()), instance));
    }
    for (Instance instance : plan.refresh()) {
      Machine machine = machine(machines, instance.machineId());
      LOG.info("machine {} (instance {}) now has addresses {}", machine.id(), instance.id(),
          instance.addresses());
      state.setInstance(machine.id(), instance.id(), instance.addresses(),
          recordedPorts(machine, instance));
    }
    if (!plan.stop().isEmpty()) {
      LOG.info("stopping instances of removed machines: {}", plan.stop());
      broker.stop(plan.stop());
    }
    for (String id : plan.convert()) {
      convert(machines.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow());
    }
    List<String> controllers = state.controllerAddresses();
    for (String id : plan.start()) {
      Machine machine = machines.stream().filter(m -> m.id().equals(id)).findFirst()
          .orElseThrow();
      start(machine, controllers);
    }
    backoffs.keySet().retainAll(plan.start());
    return plan;
  }

  /**
   * Stops a converted machine's plain instance, then clears its record (in that order: a
   * cleared record with the instance still listed would be adopted back), so the next round
   * starts it as a controller with a member.
   */
  private void convert(Machine machine) throws HactlException {
    LOG.info("machine {} became a controller: replacing its plain instance {}", machine.id(),
        machine.instanceId());
    broker.stop(List.of(machine.instanceId()));
    state.setInstance(machine.id(), null, List.of(), Map.of());
  }

  private static Machine machine(List<Machine> machines, String id) {
    return machines.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * The ports to record: what was recorded, overlaid with what the provider reports, and for a
   * controller the environment's state port when the provider reports none (cloud providers
   * cannot know it; the member listens on it because the user data says so). Without it the
   * member's address would be unknown, and the planner would take the controller for a plain
   * machine to convert.
   */
  private Map<String, Integer> recordedPorts(Machine machine, Instance instance) {
    Map<String, Integer> ports = new HashMap<>(machine.ports());
    ports.putAll(instance.ports());
    int statePort = master.providerAccess() == null ? 0 : master.providerAccess().statePort();
    if (machine.isController() && statePort > 0) {
      ports.putIfAbsent(Instance.STATE_PORT, statePort);
    }
    return ports;
  }

  /**
   * The machine's constraints as the SPI record. Pairs stored before core checked them (older
   * shells passed unknown keys on) are reported as the machine's error, not as a failed round.
   */
  private static Constraints constraints(Machine machine) throws HactlException {
    try {
      return ConstraintsSyntax.toConstraints(machine.constraints());
    } catch (IllegalArgumentException e) {
      throw HactlException.badInput("machine " + machine.id() + " has invalid constraints: "
          + e.getMessage() + "; remove it and add it again with valid ones");
    }
  }

  private void start(Machine machine, List<String> controllers) {
    Instant now = clock.instant();
    Backoff backoff = backoffs.get(machine.id());
    if (backoff != null && now.isBefore(backoff.notBefore())) {
      return;
    }
    AgentConfig config = master.forMachine(machine.id(), machine.isController(), controllers);
    int statePort = machine.isController() ? master.providerAccess().statePort() : 0;
    try {
      LOG.info("starting instance for machine {}", machine.id());
      UserData data = userData.forMachine(config, statePort, controllers);
      Instance instance = broker.start(new InstanceSpec(machine.id(), machine.isController(),
          AgentConfigCodec.toYaml(config), data.text(), statePort, constraints(machine),
          machine.placement()));
      state.setInstance(machine.id(), instance.id(), instance.addresses(),
          recordedPorts(machine, instance));
      if (machine.provisioningError() != null) {
        state.setProvisioningError(machine.id(), null);
      }
      backoffs.remove(machine.id());
    } catch (HactlException e) {
      Duration wait = backoff == null ? FIRST_RETRY : backoff.next();
      Duration next = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY
          : wait.multipliedBy(2);
      backoffs.put(machine.id(), new Backoff(now.plus(wait), next));
      LOG.warn("cannot start instance for machine {}: {}; retrying in {}s", machine.id(),
          e.getMessage(), wait.toSeconds());
      state.setProvisioningError(machine.id(), e.getMessage());
    }
  }
}
