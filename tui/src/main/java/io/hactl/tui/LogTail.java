package io.hactl.tui;

import io.hactl.core.HactlException;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.logs.LogBacklog;
import io.hactl.core.logs.LogBatch;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogSubscription;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows the environment's log for the log pane on its own thread, as {@code debug-log} does
 * (same service, same filter), and hands batches to the UI thread. When the log cannot be read it
 * says why and tries again; a new filter means a new tail.
 */
final class LogTail implements AutoCloseable {

  /** Records shown at once when the pane opens. */
  static final int BACKLOG = 100;
  /** How often the log is read once the backlog is in. */
  static final Duration PERIOD = Duration.ofMillis(800);
  private static final Duration RETRY = Duration.ofSeconds(2);

  /** Where the tail reports; called on the tail's thread. */
  interface Sink {
    void records(List<LogRecord> records);

    void problem(String problem);
  }

  private final Thread thread;
  private volatile boolean running = true;

  LogTail(EnvironmentClient client, LogFilter filter, Sink sink) {
    thread = new Thread(() -> follow(client, filter, sink), "dashboard-log");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow(EnvironmentClient client, LogFilter filter, Sink sink) {
    LogRequest request = new LogRequest(filter, LogBacklog.last(BACKLOG), null);
    while (running) {
      try (LogSubscription subscription = client.logs().subscribe(request)) {
        sink.problem(null);
        while (running) {
          // One read, then a pause: the pane needs a record within a second, not within the
          // 100 ms debug-log's follower polls at, and an idle dashboard should cost little.
          LogBatch batch = subscription.poll(Duration.ZERO);
          if (!batch.records().isEmpty()) {
            sink.records(batch.records());
          }
          if (!batch.notices().isEmpty()) {
            sink.problem(String.join("; ", batch.notices()));
          }
          if (batch.caughtUp()) {
            pause(PERIOD); // while the backlog is paged in, the next page comes at once
          }
        }
      } catch (HactlException | RuntimeException e) {
        if (!running) {
          return;
        }
        sink.problem("cannot read the log: " + e.getMessage() + "; retrying");
        pause(RETRY);
      }
      request = new LogRequest(filter, LogBacklog.none(), null);
    }
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      running = false;
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
