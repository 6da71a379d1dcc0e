package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays the panes out on a screen of a given size, a pure function of the model and the size:
 * header on top; controllers, warnings, machines, events and the log in the middle, each under
 * its titled rule; the notice line and the keys at the bottom; an open dialog over everything.
 *
 * <p>Heights: controllers get what they need (up to half the body), warnings up to three lines,
 * machines two fifths of the rest or more when the events and the log need less, events up to
 * half of what remains, and the log the remainder; what a pane cannot show it counts ("… 480
 * more"). From {@link #SIDE_BY_SIDE}
 * columns on, events and log sit side by side, so a wide terminal shows more of both.
 */
public final class DashboardRenderer {

  /** The width from which the events and the log share the bottom of the screen. */
  public static final int SIDE_BY_SIDE = 150;

  private final HeaderPane header = new HeaderPane();
  private final ControllersPane controllers = new ControllersPane();
  private final WarningsPane warnings = new WarningsPane();
  private final MachinesPane machines = new MachinesPane();
  private final EventsPane events = new EventsPane();
  private final LogsPane logs = new LogsPane();
  private final FooterPane footer = new FooterPane();

  public FooterPane footer() {
    return footer;
  }

  public Frame render(DashboardModel model, int columns, int rows) {
    List<Line> top = header.render(model, columns, Math.min(2, rows));
    if (rows <= top.size() + 1) {
      return new Frame(columns, rows, top.subList(0, Math.min(rows, top.size())));
    }
    int body = rows - top.size() - 2;
    List<Line> lines = new ArrayList<>(top);
    lines.addAll(body(model, columns, body));
    while (lines.size() < rows - 2) {
      lines.add(Line.EMPTY);
    }
    Notice notice = model.notice();
    lines.add(notice == null ? Line.EMPTY : Line.text(notice.text(), notice.style())
        .truncate(columns));
    lines.addAll(footer.render(model, columns, 1));
    if (model.dialog() != null) {
      lines = DialogBox.overlay(lines, model.dialog(), columns, rows);
    }
    return new Frame(columns, rows, lines);
  }

  private List<Line> body(DashboardModel model, int columns, int room) {
    List<Line> out = new ArrayList<>();
    if (model.shown() == null || room <= 0) {
      return out;
    }
    int controllerNeed = model.shown().controllers().isEmpty()
        ? 0 : 2 + model.shown().controllers().size();
    int c = Math.min(controllerNeed, Math.max(room / 2, Math.min(controllerNeed, 4)));
    out.addAll(controllers.render(model, columns, c));
    room -= out.size();
    int warningCount = model.shown().warnings().size() + (model.reconnecting() ? 1 : 0);
    int w = Math.min(Math.min(3, warningCount), Math.max(0, room / 4));
    List<Line> warned = warnings.render(model, columns, w);
    out.addAll(warned);
    room -= warned.size();
    int machineNeed = 2 + Math.max(1, model.shown().machines().size());
    boolean wide = columns >= SIDE_BY_SIDE;
    int m = Math.min(machineNeed, Math.max(Math.min(3, room), room * 2 / 5));
    int rest = room - m;
    int eventNeed = 1 + Math.max(1, model.timeline().size());
    if (wide) {
      if (rest < 4) {
        m = room;
        rest = 0;
      }
      out.addAll(machines.render(model, columns, m));
      int half = (columns - 1) / 2;
      List<Line> left = events.render(model, half, rest);
      List<Line> right = logs.render(model, columns - half - 1, rest);
      for (int i = 0; i < rest; i++) {
        Line l = i < left.size() ? left.get(i) : Line.EMPTY;
        Line r = i < right.size() ? right.get(i) : Line.EMPTY;
        out.add(l.overlay(Line.text("│", Style.DIM), half, columns)
            .overlay(r, half + 1, columns));
      }
      return out;
    }
    int logNeed = 1 + Math.max(1, model.logs().records().size()
        + (model.logs().problem() == null ? 0 : 1));
    if (eventNeed + logNeed < rest) {
      // Both fit: the spare rows go to the machines first, then to the log, which grows.
      int spare = rest - eventNeed - logNeed;
      int more = Math.min(spare, machineNeed - m);
      m += more;
      rest -= more;
    }
    int e = Math.min(eventNeed, Math.max(Math.min(2, rest), rest / 2));
    int l = rest - e;
    if (l < 2 && rest >= 4) {
      e = rest - 2;
      l = 2;
    }
    out.addAll(machines.render(model, columns, m));
    out.addAll(events.render(model, columns, e));
    out.addAll(logs.render(model, columns, l));
    return out;
  }
}
