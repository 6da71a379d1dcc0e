package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.util.ArrayList;
import java.util.List;

/** Controllers and their replica-set members: who is PRIMARY, who votes, who is alive. */
public final class ControllersPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width) {
    EnvironmentStatus shown = model.shown();
    if (shown == null || shown.controllers().isEmpty()) {
      return List.of();
    }
    Table table = new Table("CONTROLLER", "INSTANCE", "ADDRESS", "MEMBER", "VOTE", "HEARTBEAT");
    for (MachineStatus controller : shown.controllers()) {
      MemberStatus member = controller.member();
      table.row(
          new Span(controller.id(), controller.id().equals(shown.master())
              ? Style.PRIMARY : Style.NORMAL),
          Span.of(nullToEmpty(controller.instanceId())),
          Span.of(member == null ? firstAddress(controller) : member.address()),
          member == null ? new Span("UNKNOWN", Style.DOWN)
              : new Span(member.state(), States.member(member.state())),
          member == null ? Span.of("")
              : new Span(member.voteStatus(), States.vote(member.voteStatus())),
          new Span(Ages.since(controller.lastHeartbeat(), model.now()),
              States.agent(controller.agentState())));
    }
    List<Line> lines = new ArrayList<>();
    lines.add(Line.text("Controllers", Style.TITLE));
    lines.addAll(table.lines(width));
    return lines;
  }

  static String firstAddress(MachineStatus machine) {
    return machine.addresses().isEmpty() ? "" : machine.addresses().get(0);
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
