package io.hactl.core.logs;

import java.time.Instant;

/** Builds log records for tests. */
public final class Records {

  public static final Instant T0 = Instant.parse("2024-05-06T15:47:09.250Z");

  private Records() {}

  /** A record {@code secondsAfterT0} after {@link #T0}. */
  public static LogRecord record(String entity, long seq, String module, LogLevel level,
      double secondsAfterT0) {
    return new LogRecord(T0.plusMillis((long) (secondsAfterT0 * 1000)), entity, module, level,
        "message " + seq + " of " + entity, "Some.java:" + seq, seq);
  }

  public static LogRecord info(String entity, long seq, double secondsAfterT0) {
    return record(entity, seq, "io.hactl.agent.HeartbeatWorker", LogLevel.INFO, secondsAfterT0);
  }
}
