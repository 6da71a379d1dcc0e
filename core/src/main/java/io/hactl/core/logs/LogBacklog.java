package io.hactl.core.logs;

/**
 * Which of the records already stored a reader sees before new ones.
 *
 * @param lines the newest this many records (when not {@code all})
 * @param all every record still kept, oldest first
 */
public record LogBacklog(int lines, boolean all) {

  public LogBacklog {
    if (lines < 0) {
      throw new IllegalArgumentException("lines must not be negative");
    }
  }

  /** Only records written from now on. */
  public static LogBacklog none() {
    return new LogBacklog(0, false);
  }

  /** The newest {@code lines} records. */
  public static LogBacklog last(int lines) {
    return new LogBacklog(lines, false);
  }

  /** Every record still kept. */
  public static LogBacklog everything() {
    return new LogBacklog(0, true);
  }
}
