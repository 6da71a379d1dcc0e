package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bottom row: the keys the dashboard answers to. */
public final class FooterPane implements Pane {

  private final Map<String, String> keys;

  /** @param keys key name to what it does, in display order */
  public FooterPane(Map<String, String> keys) {
    this.keys = keys;
  }

  @Override
  public List<Line> render(DashboardModel model, int width) {
    List<Span> spans = new ArrayList<>();
    keys.forEach((key, action) -> {
      spans.add(new Span(" " + key + " ", Style.KEY));
      spans.add(Span.of(" " + action + "  "));
    });
    return List.of(new Line(spans).truncate(width));
  }
}
