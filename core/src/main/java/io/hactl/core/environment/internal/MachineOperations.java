package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.environment.AddMachineResult;
import io.hactl.core.environment.RemoveMachineResult;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.core.store.EnvironmentRecordFile;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Adding and removing plain (non-controller) machines. */
final class MachineOperations {

  static final int MAX_MACHINES_PER_CALL = 100;

  private final EnvironmentContext env;
  private final StateConnection state;

  MachineOperations(EnvironmentContext env, StateConnection state) {
    this.env = env;
    this.state = state;
  }

  /**
   * Records the machines; the master's provisioner starts their instances moments later, as
   * for every machine, so that a client that goes away never leaves a machine half made.
   */
  AddMachineResult add(int count, Map<String, String> constraints, List<Placement> placements)
      throws HactlException {
    if (count < 1 || count > MAX_MACHINES_PER_CALL) {
      throw HactlException.badInput("cannot add " + count + " machines: the count must be 1 to "
          + MAX_MACHINES_PER_CALL);
    }
    StateStore store = state.store();
    List<String> added = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        added.add(store.addMachine(List.of(Machine.JOB_HOST_UNITS), false, constraints,
            placements.isEmpty() ? Placement.ANYWHERE : placements.get(i % placements.size()),
            Instant.now()).id());
      }
    } catch (StateException e) {
      throw HactlException.failure("cannot add machines to " + env.name() + ": "
          + e.getMessage() + (added.isEmpty() ? "" : " (added before the failure: "
          + String.join(", ", added) + ")"), e);
    }
    return new AddMachineResult(added);
  }

  RemoveMachineResult remove(List<String> ids, boolean force) throws HactlException {
    if (ids.isEmpty()) {
      throw HactlException.badInput("remove-machine needs at least one machine id");
    }
    EnvironmentRecordFile record = state.record();
    StateStore store = state.store();
    List<Machine> targets = new ArrayList<>();
    try {
      for (String id : new LinkedHashSet<>(ids)) {
        Machine machine = store.machine(id).orElseThrow(() -> HactlException.badInput(
            "cannot remove machine " + id + ": no such machine in environment " + env.name()
                + "; run `hactl status` to see the machines"));
        if (machine.wantsVote() || machine.hasVote()) {
          throw HactlException.badInput("cannot remove machine " + id + ": it is a controller"
              + " that still " + (machine.hasVote() ? "has" : "wants") + " a vote; run"
              + " `hactl enable-ha` to demote it first (and again once it has lost its vote)");
        }
        if (machine.isController()) {
          throw HactlException.badInput("cannot remove machine " + id + ": it is still a"
              + " controller; run `hactl enable-ha` again to remove it from the controllers");
        }
        targets.add(machine);
      }
      List<String> removed = new ArrayList<>();
      ProviderContext context = env.providerContext(record.uuid());
      for (Machine machine : targets) {
        stopInstance(context, machine, force);
        store.removeMachine(machine.id());
        removed.add(machine.id());
      }
      return new RemoveMachineResult(removed);
    } catch (StateException e) {
      throw QuorumProbe.explain("remove machines", env.name(), record.stateAddresses(), e);
    }
  }

  private void stopInstance(ProviderContext context, Machine machine, boolean force)
      throws HactlException {
    if (machine.instanceId() == null) {
      return;
    }
    try {
      env.provider().stopInstances(context, List.of(machine.instanceId()));
    } catch (HactlException e) {
      if (!force) {
        throw new HactlException(e.kind(), e.getMessage()
            + "; if the instance is already gone, use remove-machine --force", e);
      }
    }
  }
}
