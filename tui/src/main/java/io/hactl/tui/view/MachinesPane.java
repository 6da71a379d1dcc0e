package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import java.util.ArrayList;
import java.util.List;

/** Every machine with its agent and instance: the environment's inventory. */
public final class MachinesPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width) {
    EnvironmentStatus shown = model.shown();
    if (shown == null) {
      return List.of();
    }
    List<Line> lines = new ArrayList<>();
    lines.add(Line.text("Machines", Style.TITLE));
    if (shown.machines().isEmpty()) {
      lines.add(Line.text("no machines", Style.DIM));
      return lines;
    }
    Table table = new Table("MACHINE", "AGENT", "INSTANCE", "ADDRESS", "PID", "JOBS");
    for (MachineStatus machine : shown.machines()) {
      String instance = ControllersPane.nullToEmpty(machine.instanceId());
      table.row(
          Span.of(machine.id()),
          new Span(ControllersPane.nullToEmpty(machine.agentState()),
              States.agent(machine.agentState())),
          machine.instanceState() == null || "running".equals(machine.instanceState())
              ? Span.of(instance)
              : new Span(instance + " (" + machine.instanceState() + ")",
                  States.instance(machine.instanceState())),
          Span.of(ControllersPane.firstAddress(machine)),
          Span.of(machine.details().getOrDefault("pid", "")),
          Span.of(String.join(" ", machine.jobs())));
    }
    lines.addAll(table.lines(width));
    return lines;
  }
}
