package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bottom row: the keys the dashboard answers to. A read-only session lists only the keys that
 * change nothing. {@link #keyAt} maps a mouse click on the row back to its key.
 */
public final class FooterPane implements Pane {

  private static final Map<String, String> VIEW_KEYS = new LinkedHashMap<>();
  private static final Map<String, String> ACTION_KEYS = new LinkedHashMap<>();

  static {
    VIEW_KEYS.put("q", "quit");
    VIEW_KEYS.put("?", "help");
    ACTION_KEYS.put("h", "enable-ha");
    ACTION_KEYS.put("a", "add");
    ACTION_KEYS.put("r", "remove");
    VIEW_KEYS.put("e", "env");
    VIEW_KEYS.put("l", "filter");
    VIEW_KEYS.put("p", "pause");
  }

  /** The keys shown, in display order. */
  public static Map<String, String> keys(boolean readOnly) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("q", VIEW_KEYS.get("q"));
    keys.put("?", VIEW_KEYS.get("?"));
    if (!readOnly) {
      keys.putAll(ACTION_KEYS);
    }
    keys.put("e", VIEW_KEYS.get("e"));
    keys.put("l", VIEW_KEYS.get("l"));
    keys.put("p", VIEW_KEYS.get("p"));
    return keys;
  }

  @Override
  public List<Line> render(DashboardModel model, int width, int height) {
    List<Span> spans = new ArrayList<>();
    if (model.readOnly()) {
      spans.add(new Span("read-only", Style.WARNING));
      spans.add(Span.of("  "));
    }
    keys(model.readOnly()).forEach((key, action) -> {
      if (!spans.isEmpty() && !spans.get(spans.size() - 1).text().equals("  ")) {
        spans.add(Span.of("  "));
      }
      spans.add(new Span(key, Style.KEY));
      spans.add(Span.of(" " + (key.equals("p") && model.logs().paused() ? "resume" : action)));
    });
    return height <= 0 ? List.of() : List.of(new Line(spans).truncate(width));
  }

  /** The key whose label covers {@code column} of the footer row, or null. */
  public String keyAt(DashboardModel model, int width, int column) {
    Line line = render(model, width, 1).get(0);
    int start = 0;
    String key = null;
    for (Span span : line.spans()) {
      if (span.style() == Style.KEY) {
        key = span.text().trim();
      }
      int end = start + span.text().length();
      if (column >= start && column < end) {
        return key;
      }
      start = end;
    }
    return null;
  }
}
