package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays the panes out on a screen of a given size: header on top, footer on the bottom row, the
 * body (controllers, machines, warnings) between them separated by blank lines. A pure function
 * of the model and the size. When the body does not fit, its tail is cut and the last row says
 * how many lines are hidden, so a small terminal never shows a silently partial inventory.
 */
public final class DashboardRenderer {

  private final Pane header = new HeaderPane();
  private final List<Pane> body =
      List.of(new ControllersPane(), new MachinesPane(), new WarningsPane());
  private final Pane footer;

  public DashboardRenderer() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("q", "quit");
    this.footer = new FooterPane(keys);
  }

  public Frame render(DashboardModel model, int columns, int rows) {
    List<Line> top = header.render(model, columns);
    List<Line> bottom = footer.render(model, columns);
    List<Line> middle = new ArrayList<>();
    for (Pane pane : body) {
      List<Line> lines = pane.render(model, columns);
      if (!lines.isEmpty()) {
        middle.add(Line.EMPTY);
        middle.addAll(lines);
      }
    }
    int room = rows - top.size() - bottom.size();
    if (room < 0) {
      // Too small for anything but the title: show what fits from the top.
      return new Frame(columns, rows, top.subList(0, Math.min(rows, top.size())));
    }
    if (middle.size() > room) {
      int hidden = middle.size() - room + 1;
      middle = new ArrayList<>(middle.subList(0, Math.max(0, room - 1)));
      if (room > 0) {
        middle.add(Line.text("… " + hidden + " more lines: enlarge the terminal", Style.DIM)
            .truncate(columns));
      }
    }
    List<Line> lines = new ArrayList<>(top);
    lines.addAll(middle);
    while (lines.size() < rows - bottom.size()) {
      lines.add(Line.EMPTY);
    }
    lines.addAll(bottom);
    return new Frame(columns, rows, lines);
  }
}
