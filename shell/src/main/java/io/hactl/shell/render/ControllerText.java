package io.hactl.shell.render;

import io.hactl.core.membership.Quorum;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;

/**
 * {@code controllers} for people: Juju's one-line summary of the environment (with the HA
 * column {@code none}, {@code 3} or {@code 2/3}, plus how many more controllers it can lose),
 * core's warnings, then one row per controller machine with its member and vote.
 */
public final class ControllerText {

  /** Explains the mark in the MACHINE column. */
  static final String MASTER_LEGEND = "* master: its member is the primary (ha-primary)";

  private ControllerText() {}

  public static String render(EnvironmentStatus status) {
    StringBuilder out = new StringBuilder();
    TextTable summary = new TextTable(
        "ENVIRONMENT", "PROVIDER", "CONTROLLERS", "HA", "MASTER", "QUORUM");
    if (!status.reachable()) {
      summary.row(status.name(), status.provider(), "unknown", "unknown", "unknown", "unknown");
      out.append(summary.render())
          .append("\nstate is unreachable: ").append(status.problem()).append('\n')
          .append("the machines the provider reports are in `hactl status`\n");
      return out.toString();
    }
    Quorum quorum = ControllerFacts.quorum(status);
    summary.row(status.name(), status.provider(),
        Integer.toString(status.controllers().size()), status.haSummary(),
        status.master() == null ? "none" : status.master(), ControllerFacts.quorumText(quorum));
    out.append(summary.render());
    StatusText.warnings(out, status);
    out.append('\n').append(machines(status));
    if (status.master() != null) {
      out.append('\n').append(MASTER_LEGEND).append('\n');
    }
    return out.toString();
  }

  private static String machines(EnvironmentStatus status) {
    TextTable table = new TextTable("MACHINE", "INSTANCE", "ADDRESS", "STATE", "MEMBER", "VOTE",
        "LAG", "HEARTBEAT");
    for (MachineStatus m : status.controllers()) {
      MemberStatus member = m.member();
      table.row(
          StatusText.machineId(m),
          m.instanceId(),
          member == null ? null : member.address(),
          m.agentState(),
          member == null ? null : member.state(),
          member == null ? null : member.voteStatus(),
          member == null || member.lag() < 0 ? null : Long.toString(member.lag()),
          ControllerFacts.age(m.lastHeartbeat(), status.observedAt()));
    }
    return table.render();
  }
}
