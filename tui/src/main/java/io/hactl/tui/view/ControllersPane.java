package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Controllers and their replica-set members: who is PRIMARY, who votes (has-vote / wants-vote,
 * in Juju's words), how far behind each is, when its agent last beat and how long it has been
 * up. The old master of a failover in progress is marked "was master".
 */
public final class ControllersPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width, int height) {
    EnvironmentStatus shown = model.shown();
    if (shown == null || shown.controllers().isEmpty() || height <= 0) {
      return List.of();
    }
    Failover failover = model.visibleFailover();
    String oldMaster = failover == null ? null : failover.oldMaster();
    Table table = new Table(" ", "MACHINE", "INSTANCE", "ADDRESS", "MEMBER", "VOTE", "LAG",
        "HEARTBEAT", "UPTIME").dropFirst("INSTANCE", "UPTIME", "LAG", "ADDRESS");
    for (MachineStatus controller : shown.controllers()) {
      MemberStatus member = controller.member();
      boolean master = controller.id().equals(shown.master());
      String role = controller.id().equals(oldMaster) && !master ? " (was master)" : "";
      Uptime up = model.uptimes().get(controller.id());
      table.row(
          Markers.of(controller, shown.master()),
          new Span(controller.id() + role, master ? Style.PRIMARY
              : role.isEmpty() ? Style.NORMAL : Style.DOWN),
          Span.of(nullToEmpty(controller.instanceId())),
          Span.of(member == null ? firstAddress(controller) : member.address()),
          member == null ? new Span("UNKNOWN", Style.DOWN)
              : new Span(member.state(), States.member(member.state())),
          member == null ? Span.of("")
              : new Span(member.voteStatus(), States.vote(member.voteStatus())),
          member == null || member.lag() < 0 ? Span.of("") : new Span(Long.toString(member.lag()),
              member.lag() > 100 ? Style.WARNING : Style.NORMAL),
          new Span(Ages.since(controller.lastHeartbeat(), model.now()),
              States.agent(controller.agentState())),
          up == null ? Span.of("") : new Span(up.text(model.now()), Style.DIM));
    }
    List<Line> lines = new ArrayList<>();
    lines.add(Rule.titled("Controllers", null, width));
    lines.addAll(table.lines(width));
    if (lines.size() > height) {
      int hidden = lines.size() - height + 1;
      lines = new ArrayList<>(lines.subList(0, height - 1));
      lines.add(Line.text("… " + hidden + " more controllers", Style.DIM).truncate(width));
    }
    return lines;
  }

  static String firstAddress(MachineStatus machine) {
    return machine.addresses().isEmpty() ? "" : machine.addresses().get(0);
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
