package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Every machine with its agent and instance: the environment's inventory. When it is taller than
 * its share of the screen it scrolls (PgUp/PgDn) and its last row says which rows are shown.
 */
public final class MachinesPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width, int height) {
    EnvironmentStatus shown = model.shown();
    if (shown == null || height <= 0) {
      return List.of();
    }
    List<Line> lines = new ArrayList<>();
    List<MachineStatus> machines = shown.machines();
    lines.add(Rule.titled("Machines", machines.size() + " total", width));
    if (machines.isEmpty()) {
      lines.add(Line.text("no machines", Style.DIM));
      return lines.subList(0, Math.min(height, lines.size()));
    }
    if (height < 3) {
      return lines.subList(0, 1);
    }
    Table table = new Table(" ", "MACHINE", "AGENT", "INSTANCE", "ADDRESS", "PID", "UPTIME",
        "JOBS").dropFirst("PID", "UPTIME", "JOBS", "ADDRESS");
    for (MachineStatus machine : machines) {
      String instance = ControllersPane.nullToEmpty(machine.instanceId());
      Uptime up = model.uptimes().get(machine.id());
      table.row(
          Markers.of(machine, shown.master()),
          Span.of(machine.id()),
          new Span(ControllersPane.nullToEmpty(machine.agentState()),
              States.agent(machine.agentState())),
          machine.instanceState() == null || "running".equals(machine.instanceState())
              ? Span.of(instance)
              : new Span(instance.isEmpty() ? machine.instanceState()
                  : instance + " (" + machine.instanceState() + ")",
                  States.instance(machine.instanceState())),
          Span.of(ControllersPane.firstAddress(machine)),
          Span.of(machine.details().getOrDefault("pid", "")),
          up == null ? Span.of("") : new Span(up.text(model.now()), Style.DIM),
          Span.of(machine.isController() ? "controller" : "units"));
    }
    int rowsRoom = height - 2; // the rule and the table's header
    int from = Math.max(0, Math.min(model.machineOffset(), machines.size() - 1));
    boolean cut = from > 0 || machines.size() - from > rowsRoom;
    if (!cut) {
      lines.addAll(table.lines(width));
      return lines;
    }
    int visible = Math.max(0, rowsRoom - 1);
    int to = Math.min(machines.size(), from + visible);
    lines.addAll(table.lines(width, from, to));
    lines.add(Line.text("… rows " + (from + 1) + "-" + to + " of " + machines.size()
        + " (PgUp/PgDn scroll)", Style.DIM).truncate(width));
    return lines;
  }
}
