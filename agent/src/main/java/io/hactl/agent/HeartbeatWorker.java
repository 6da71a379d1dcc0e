package io.hactl.agent;

import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that this machine's agent is alive, once per tick, and passes on the controller
 * addresses state knows of so the agent can find the replica set after any failover. A failed
 * beat is logged once per outage and retried on the next tick: the driver finds the new primary
 * by itself.
 */
final class HeartbeatWorker implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWorker.class);

  private final StateStore state;
  private final String machineId;
  private final Clock clock;
  private final Consumer<List<String>> controllerAddresses;
  private boolean failing;

  HeartbeatWorker(StateStore state, String machineId, Clock clock,
      Consumer<List<String>> controllerAddresses) {
    this.state = state;
    this.machineId = machineId;
    this.clock = clock;
    this.controllerAddresses = controllerAddresses;
  }

  @Override
  public void run() {
    try {
      state.heartbeat(machineId, clock.instant());
      controllerAddresses.accept(state.controllerAddresses());
      if (failing) {
        LOG.info("heartbeat of machine {} recorded again", machineId);
        failing = false;
      }
    } catch (StateException e) {
      if (!failing) {
        LOG.warn("cannot record heartbeat of machine {}: {}; retrying", machineId,
            e.getMessage());
        failing = true;
      }
    }
  }

  boolean failing() {
    return failing;
  }
}
