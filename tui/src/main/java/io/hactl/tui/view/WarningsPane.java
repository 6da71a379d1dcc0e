package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.List;

/** The snapshot's warnings, one per line, so trouble is spelled out and not only coloured. */
public final class WarningsPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width, int height) {
    if (model.shown() == null || height <= 0) {
      return List.of();
    }
    List<String> warnings = model.latest().warnings();
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < warnings.size() && i < height; i++) {
      if (i == height - 1 && warnings.size() > height) {
        lines.add(Line.text("! … " + (warnings.size() - i) + " more warnings", Style.WARNING)
            .truncate(width));
        break;
      }
      lines.add(Line.of(new Span("! ", Style.WARNING), Span.of(warnings.get(i)))
          .truncate(width));
    }
    return lines;
  }
}
