package io.hactl.tui.view;

import io.hactl.core.status.MachineStatus;

/**
 * The one-character marks in front of a machine, so that meaning never rests on colour alone:
 * {@code *} the master, {@code !} down (agent down, instance gone, member down), {@code ~} on its
 * way (pending, a vote being added or removed), blank when all is well.
 */
final class Markers {

  private Markers() {}

  static Span of(MachineStatus machine, String master) {
    if (machine.id().equals(master)) {
      return new Span("*", Style.PRIMARY);
    }
    if (machine.provisioningError() == null && "pending".equals(machine.agentState())) {
      return new Span("~", Style.WARNING); // not up yet, not down either
    }
    if (isDown(machine)) {
      return new Span("!", Style.DOWN);
    }
    boolean changing =
        machine.member() != null && machine.member().hasVote() != machine.member().wantsVote();
    return changing ? new Span("~", Style.WARNING) : Span.of(" ");
  }

  static boolean isDown(MachineStatus machine) {
    String agent = machine.agentState();
    if ("down".equals(agent) || "unknown".equals(agent)) {
      return true;
    }
    if (machine.provisioningError() != null) {
      return true;
    }
    return machine.member() != null
        && States.member(machine.member().state()) == Style.DOWN;
  }
}
