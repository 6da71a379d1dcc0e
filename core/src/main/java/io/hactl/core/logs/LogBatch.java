package io.hactl.core.logs;

import java.util.List;

/**
 * What one {@link LogSubscription#poll} returns.
 *
 * @param records new records, in time order (then entity, seq)
 * @param caughtUp true once every stored record the backlog asked for has been returned: a
 *     reader that does not follow stops here
 * @param notices what happened to the connection since the last poll, one line each (e.g. the
 *     controller being read failed and another one took over), for the user
 */
public record LogBatch(List<LogRecord> records, boolean caughtUp, List<String> notices) {

  public LogBatch {
    records = List.copyOf(records);
    notices = List.copyOf(notices);
  }
}
