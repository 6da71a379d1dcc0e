package io.hactl.tui.view;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The events timeline, newest first: elections (with how long the environment was without a
 * master, when the dashboard watched it), reconfigs, enable-ha, provisioning, demotions,
 * removals, agents going down and coming back.
 */
public final class EventsPane implements Pane {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  @Override
  public List<Line> render(DashboardModel model, int width, int height) {
    if (height <= 0) {
      return List.of();
    }
    List<Line> lines = new ArrayList<>();
    List<TimelineEntry> timeline = model.timeline();
    lines.add(Rule.titled("Events", "UTC", width));
    if (timeline.isEmpty()) {
      lines.add(Line.text(model.shown() == null ? "" : "no events yet", Style.DIM));
    }
    int room = height - 1;
    for (int i = 0; i < timeline.size() && i < room; i++) {
      TimelineEntry e = timeline.get(i);
      if (i == room - 1 && timeline.size() > room) {
        lines.add(Line.text("… " + (timeline.size() - i) + " older events", Style.DIM)
            .truncate(width));
        break;
      }
      String message = e.message();
      if (e.duration() != null) {
        message += " (no master for " + Ages.precise(e.duration()) + ")";
      }
      lines.add(Line.of(new Span(TIME.format(e.at()) + "  ", Style.DIM),
          new Span(pad(e.kind(), 13), style(e.kind())),
          Span.of(message)).truncate(width));
    }
    return lines.subList(0, Math.min(height, lines.size()));
  }

  /** {@code text} padded with spaces to {@code width}. */
  static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  static Style style(String kind) {
    return switch (kind) {
      case "election" -> Style.PRIMARY;
      case "down" -> Style.DOWN;
      case "demotion", "removal", "restore" -> Style.WARNING;
      case "provisioning", "promotion", "agent", "enable-ha" -> Style.GOOD;
      default -> Style.NORMAL;
    };
  }
}
