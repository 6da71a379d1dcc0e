package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The warnings of the snapshot shown, one per line, so trouble is spelled out and not only
 * coloured; while state is unreachable, the reason comes first.
 */
public final class WarningsPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width, int height) {
    if (model.shown() == null || height <= 0) {
      return List.of();
    }
    // The warnings of the state shown; while reconnecting, first why state cannot be read.
    List<String> warnings = new ArrayList<>();
    if (model.reconnecting()) {
      warnings.add("cannot read state: " + (model.latest().problem() == null ? "no answer"
          : model.latest().problem()));
    }
    warnings.addAll(model.shown().warnings());
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
