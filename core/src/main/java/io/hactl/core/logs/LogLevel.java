package io.hactl.core.logs;

import java.util.Locale;

/**
 * How serious a log record is, lowest first. Names are Juju's ({@code WARNING}, not slf4j's
 * {@code WARN}); {@link #parse} accepts both spellings, in any case.
 */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARNING,
  ERROR;

  /**
   * The level named {@code name}: {@code trace}, {@code debug}, {@code info}, {@code warning}
   * (or {@code warn}), {@code error}.
   *
   * @throws IllegalArgumentException naming the accepted levels
   */
  public static LogLevel parse(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.equals("WARN")) {
      return WARNING;
    }
    for (LogLevel level : values()) {
      if (level.name().equals(upper)) {
        return level;
      }
    }
    throw new IllegalArgumentException("unknown log level \"" + name
        + "\": expected one of trace, debug, info, warning, error");
  }

  /** Whether a record at this level passes a {@code minimum}. */
  public boolean atLeast(LogLevel minimum) {
    return compareTo(minimum) >= 0;
  }
}
