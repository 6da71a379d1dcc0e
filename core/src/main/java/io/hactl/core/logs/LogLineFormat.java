package io.hactl.core.logs;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders a record as one {@code debug-log} line, as Juju does:
 * {@code machine-1: 15:47:09 INFO io.hactl.agent.HeartbeatWorker message}.
 *
 * @param zone the time zone times are shown in ({@code --utc}: UTC)
 * @param date whether the date is shown before the time ({@code --date})
 * @param millis whether times show milliseconds ({@code --ms})
 * @param color whether the entity and level are coloured with ANSI escapes ({@code --color})
 */
public record LogLineFormat(ZoneId zone, boolean date, boolean millis, boolean color) {

  private static final String RESET = "\u001b[0m";

  /** Plain lines in UTC without date or milliseconds. */
  public static LogLineFormat plainUtc() {
    return new LogLineFormat(ZoneOffset.UTC, false, false, false);
  }

  /** The line for {@code record}, without a line break (a multi-line message keeps its own). */
  public String format(LogRecord record) {
    String pattern = (date ? "yyyy-MM-dd " : "") + (millis ? "HH:mm:ss.SSS" : "HH:mm:ss");
    String time = DateTimeFormatter.ofPattern(pattern).withZone(zone).format(record.time());
    StringBuilder line = new StringBuilder();
    line.append(paint(record.entity() + ":", "\u001b[36m")).append(' ')
        .append(time).append(' ')
        .append(paint(record.level().name(), levelColor(record.level()))).append(' ')
        .append(record.module()).append(' ')
        .append(record.message());
    return line.toString();
  }

  private String paint(String text, String ansi) {
    return color && ansi != null ? ansi + text + RESET : text;
  }

  private static String levelColor(LogLevel level) {
    return switch (level) {
      case ERROR -> "\u001b[31m";
      case WARNING -> "\u001b[33m";
      case INFO -> "\u001b[32m";
      case DEBUG, TRACE -> "\u001b[34m";
    };
  }
}
