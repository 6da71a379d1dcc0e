package io.hactl.tui.view;

import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.status.EnvironmentStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The dashboard's memory: snapshots, seen changes, log records, the open dialog and the last
 * notice. Owned by the UI thread alone; {@link #model} takes an immutable copy for rendering.
 */
public final class DashboardState {

  /** Log records kept for the pane (the tallest terminal shows fewer). */
  public static final int LOG_KEPT = 500;
  /** Log records handed to a frame: more than any terminal has rows. */
  static final int LOG_SHOWN = 200;

  private final String environment;
  private final boolean readOnly;
  private final ChangeTracker changes = new ChangeTracker();
  private final Deque<LogRecord> logs = new ArrayDeque<>();
  private final Deque<LogRecord> held = new ArrayDeque<>();
  private EnvironmentStatus latest;
  private EnvironmentStatus lastReachable;
  private LogFilter logFilter = LogFilter.ALL;
  private boolean paused;
  private String logProblem;
  private Dialog dialog;
  private Notice notice;
  private int machineOffset;

  public DashboardState(String environment) {
    this(environment, false);
  }

  public DashboardState(String environment, boolean readOnly) {
    this.environment = environment;
    this.readOnly = readOnly;
  }

  public void accept(EnvironmentStatus snapshot) {
    latest = snapshot;
    if (snapshot.reachable()) {
      lastReachable = snapshot;
    }
    changes.accept(snapshot);
  }

  /** New records from the log tail; held back while paused. */
  public void acceptLogs(List<LogRecord> records) {
    Deque<LogRecord> into = paused ? held : logs;
    for (LogRecord record : records) {
      into.addLast(record);
      if (into.size() > LOG_KEPT) {
        into.removeFirst();
      }
    }
    if (!records.isEmpty()) {
      logProblem = null;
    }
  }

  /** Why the tail cannot read records (null once it can again). */
  public void logProblem(String problem) {
    logProblem = problem;
  }

  /** A new filter: the records shown so far were read with the old one and are dropped. */
  public void logFilter(LogFilter filter) {
    logFilter = filter;
    logs.clear();
    held.clear();
  }

  public LogFilter logFilter() {
    return logFilter;
  }

  /** Pauses or resumes the log pane; resuming shows what arrived meanwhile. */
  public boolean togglePause() {
    paused = !paused;
    if (!paused) {
      List<LogRecord> arrived = new ArrayList<>(held);
      held.clear();
      acceptLogs(arrived);
    }
    return paused;
  }

  public void dialog(Dialog open) {
    dialog = open;
  }

  public Dialog dialog() {
    return dialog;
  }

  public void notice(Notice shown) {
    notice = shown;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /** Scrolls the machines table by {@code rows}, kept within the inventory. */
  public void scrollMachines(int rows) {
    int count = shownMachineCount();
    machineOffset = Math.max(0, Math.min(Math.max(0, count - 1), machineOffset + rows));
  }

  private int shownMachineCount() {
    DashboardModel model = new DashboardModel(environment, latest, lastReachable, Instant.EPOCH);
    return model.shown() == null ? 0 : model.shown().machines().size();
  }

  public String environment() {
    return environment;
  }

  private static List<LogRecord> newest(Deque<LogRecord> records, int count) {
    List<LogRecord> out = new ArrayList<>(Math.min(count, records.size()));
    java.util.Iterator<LogRecord> from = records.descendingIterator();
    while (from.hasNext() && out.size() < count) {
      out.add(from.next());
    }
    java.util.Collections.reverse(out);
    return out;
  }

  public DashboardModel model(Instant now) {
    DashboardModel bare = new DashboardModel(environment, latest, lastReachable, now);
    return new DashboardModel(environment, latest, lastReachable, now,
        changes.timeline(bare.shown()), changes.failover(), changes.uptimes(),
        new LogView(newest(logs, LOG_SHOWN), logFilter, paused, held.size(), logProblem),
        dialog, notice, readOnly, machineOffset);
  }
}
