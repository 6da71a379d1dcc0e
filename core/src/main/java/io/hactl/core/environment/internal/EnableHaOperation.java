package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.membership.Availability;
import io.hactl.core.membership.ControllerChange;
import io.hactl.core.membership.EnableHaObservation;
import io.hactl.core.membership.EnableHaPlan;
import io.hactl.core.membership.EnableHaPlanner;
import io.hactl.core.membership.EnableHaRequest;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.core.membership.InvalidHaRequestException;
import io.hactl.core.state.Event;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.plugin.api.Placement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code enable-ha}: plans from state, then records the intended controller set; the master's
 * provisioner and peer grouper carry it out moments later. Two concurrent runs cannot both
 * apply: each claims the controller-set version it planned from.
 */
final class EnableHaOperation {

  private final String environment;
  private final StateStore state;
  private final Clock clock;
  private final EnableHaPlanner planner = new EnableHaPlanner();
  private final Availability availability = Availability.defaults();

  EnableHaOperation(String environment, StateStore state, Clock clock) {
    this.environment = environment;
    this.state = state;
    this.clock = clock;
  }

  EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints)
      throws HactlException {
    return enableHa(request, constraints, List.of());
  }

  /**
   * @param placements where new controller machines go, the i-th to {@code placements[i %
   *     size]}; empty for the provider's choice
   */
  EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints,
      List<Placement> placements) throws HactlException {
    Instant now = clock.instant();
    long version = state.controllersVersion();
    List<Machine> machines = state.machines();
    EnableHaObservation observed = ControllerObservation.observe(machines, state.heartbeats(),
        state.members(), availability, now);
    EnableHaPlan plan;
    try {
      plan = planner.plan(request, observed);
    } catch (InvalidHaRequestException e) {
      throw HactlException.badInput("cannot enable-ha in " + environment + ": "
          + e.getMessage());
    }
    if (plan.onlyMaintains()) {
      return plan.withNewMachineIds(List.of());
    }
    if (!state.claimControllerChange(version)) {
      throw HactlException.failure("cannot enable-ha in " + environment + ": another enable-ha"
          + " changed the controllers at the same time; run enable-ha again to see the new"
          + " plan", null);
    }
    for (ControllerChange change : plan.changes()) {
      state.setControllerRole(change.machineId(), change.controller(), change.wantsVote(), now);
    }
    Map<String, String> newConstraints = constraints.isEmpty()
        ? lowestController(machines).map(Machine::constraints).orElse(Map.of()) : constraints;
    List<String> added = new ArrayList<>();
    for (int i = 0; i < plan.newMachines(); i++) {
      Placement placement =
          placements.isEmpty() ? Placement.ANYWHERE : placements.get(i % placements.size());
      added.add(state.addMachine(List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
          true, newConstraints, placement, now).id());
    }
    EnableHaResult result = plan.withNewMachineIds(added);
    recordEvent(result, now);
    return result;
  }

  /** New controllers are made like the first one, unless told otherwise (as in Juju). */
  private static java.util.Optional<Machine> lowestController(List<Machine> machines) {
    return machines.stream().filter(Machine::isController)
        .min(Comparator.comparing(Machine::id, Machine::compareIds));
  }

  private void recordEvent(EnableHaResult result, Instant now) {
    try {
      state.recordEvent(new Event(now, "enable-ha", null,
          result.render().replace('\n', ';').replace(";", "; ")));
    } catch (StateException e) {
      // The history is informative only: the change itself is recorded.
    }
  }
}
