package io.hactl.tui.view;

import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogRecord;
import java.util.List;

/**
 * What the log pane shows.
 *
 * @param records the newest records shown, oldest first
 * @param filter the filter the records were read with (debug-log's)
 * @param paused whether the pane is frozen
 * @param held records that arrived while paused, not shown yet
 * @param problem why records cannot be read now, or null
 */
public record LogView(List<LogRecord> records, LogFilter filter, boolean paused, int held,
    String problem) {

  public static final LogView EMPTY = new LogView(List.of(), LogFilter.ALL, false, 0, null);

  public LogView {
    records = List.copyOf(records);
  }
}
