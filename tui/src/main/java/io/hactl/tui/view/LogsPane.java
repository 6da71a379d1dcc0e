package io.hactl.tui.view;

import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The live log of every agent, newest at the bottom, with debug-log's filter in its title and
 * whether it is paused (and how many records wait meanwhile).
 */
public final class LogsPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width, int height) {
    if (height <= 0) {
      return List.of();
    }
    LogView logs = model.logs();
    List<Line> lines = new ArrayList<>();
    String detail = describe(logs.filter())
        + (logs.paused() ? "  PAUSED, " + logs.held() + " new" : "");
    lines.add(Rule.titled("Log", detail, width));
    int room = height - 1;
    if (logs.problem() != null && room > 0) {
      lines.add(Line.of(new Span("! ", Style.WARNING), Span.of(logs.problem())).truncate(width));
      room--;
    }
    List<LogRecord> records = logs.records();
    if (records.isEmpty() && room > 0 && logs.problem() == null) {
      lines.add(Line.text("no log records yet", Style.DIM));
    }
    for (int i = Math.max(0, records.size() - room); i < records.size(); i++) {
      lines.add(line(records.get(i)).truncate(width));
    }
    return lines.subList(0, Math.min(height, lines.size()));
  }

  static Line line(LogRecord r) {
    String module = r.module();
    int dot = module.lastIndexOf('.');
    String shortModule = dot < 0 ? module : module.substring(dot + 1);
    String message = r.message();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline) + " …";
    }
    return Line.of(new Span(r.entity() + " ", Style.HEADING),
        new Span(EventsPane.TIME.format(r.time()) + " ", Style.DIM),
        new Span(EventsPane.pad(r.level().name(), 8), level(r.level())),
        new Span(shortModule + " ", Style.DIM), Span.of(message));
  }

  static Style level(LogLevel level) {
    return switch (level) {
      case ERROR -> Style.DOWN;
      case WARNING -> Style.WARNING;
      case INFO -> Style.GOOD;
      case DEBUG, TRACE -> Style.DIM;
    };
  }

  /** The filter as debug-log flags: {@code --level info --include machine-1}. */
  public static String describe(LogFilter filter) {
    StringBuilder out = new StringBuilder("--level " + filter.minimumLevel().name()
        .toLowerCase(java.util.Locale.ROOT));
    filter.includeEntities().forEach(e -> out.append(" --include ").append(e));
    filter.excludeEntities().forEach(e -> out.append(" --exclude ").append(e));
    filter.includeModules().forEach(m -> out.append(" --include-module ").append(m));
    filter.excludeModules().forEach(m -> out.append(" --exclude-module ").append(m));
    return out.toString();
  }
}
