package io.hactl.core.logs;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a reader has read: the last sequence number seen of each entity. Records of an entity
 * are visible in sequence order on every member, so "after this position" is exact: no record is
 * skipped when records arrive late (an agent that was cut off sends its backlog with old
 * timestamps), and none is shown twice when a reader moves to another controller.
 *
 * @param lastSeq entity -> highest sequence number read
 */
public record LogPosition(Map<String, Long> lastSeq) {

  /** Nothing read yet. */
  public static final LogPosition START = new LogPosition(Map.of());

  public LogPosition {
    lastSeq = Collections.unmodifiableMap(new TreeMap<>(lastSeq));
  }

  /** This position moved past {@code records}. */
  public LogPosition advance(Collection<LogRecord> records) {
    if (records.isEmpty()) {
      return this;
    }
    Map<String, Long> next = new TreeMap<>(lastSeq);
    for (LogRecord record : records) {
      next.merge(record.entity(), record.seq(), Math::max);
    }
    return new LogPosition(next);
  }

  /** Whether {@code record} lies at or before this position. */
  public boolean covers(LogRecord record) {
    Long last = lastSeq.get(record.entity());
    return last != null && record.seq() <= last;
  }
}
