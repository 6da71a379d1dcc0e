package io.hactl.tui.view;

import java.util.List;

/** The snapshot's warnings, one per line, so trouble is spelled out and not only coloured. */
public final class WarningsPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width) {
    if (model.shown() == null) {
      return List.of();
    }
    return model.latest().warnings().stream()
        .map(w -> Line.of(new Span("! ", Style.WARNING), Span.of(w)).truncate(width))
        .toList();
  }
}
