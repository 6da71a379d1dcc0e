package io.hactl.core.environment.internal;

import io.hactl.core.membership.Availability;
import io.hactl.core.membership.ControllerView;
import io.hactl.core.membership.EnableHaObservation;
import io.hactl.core.membership.MemberState;
import io.hactl.core.membership.PresenceFacts;
import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns what state and the replica set say into what the enable-ha planner plans from. */
final class ControllerObservation {

  private ControllerObservation() {}

  static EnableHaObservation observe(List<Machine> machines, Map<String, Instant> heartbeats,
      List<MemberView> members, Availability availability, Instant now) {
    List<ControllerView> controllers = machines.stream()
        .filter(Machine::isController)
        .map(m -> new ControllerView(m.id(), m.wantsVote(), m.hasVote(),
            availability.isAvailable(facts(m, heartbeats, members, now), now)))
        .toList();
    Set<String> convertible = machines.stream()
        .filter(m -> !m.isController())
        .filter(m -> Machine.ALIVE.equals(m.life()) && m.instanceId() != null)
        .map(Machine::id)
        .collect(Collectors.toSet());
    return new EnableHaObservation(controllers, convertible);
  }

  static PresenceFacts facts(Machine machine, Map<String, Instant> heartbeats,
      List<MemberView> members, Instant now) {
    Optional<MemberView> member = members.stream()
        .filter(v -> v.address().equals(machine.stateAddress()))
        .findFirst();
    // A machine recorded before addedAt existed gets no start-up grace: it is not starting.
    Instant addedAt = machine.addedAt() == null ? Instant.EPOCH : machine.addedAt();
    return new PresenceFacts(addedAt, heartbeats.get(machine.id()),
        member.map(v -> MemberState.parse(v.state())).orElse(MemberState.UNKNOWN),
        member.map(MemberView::healthy).orElse(false));
  }
}
