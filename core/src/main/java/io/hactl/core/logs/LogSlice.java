package io.hactl.core.logs;

import java.util.List;

/**
 * Records read beyond a position, and the position the read reached: past the records
 * returned and past any the filter skipped, so the next read does not examine them again.
 *
 * @param records matching records in (entity, seq) order
 * @param reached where the next read continues
 */
public record LogSlice(List<LogRecord> records, LogPosition reached) {

  public LogSlice {
    records = List.copyOf(records);
  }
}
