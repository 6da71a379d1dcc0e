package io.hactl.tui;

import io.hactl.core.HactlException;
import io.hactl.tui.view.Notice;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the dashboard's actions (calls into core that may block on the network) one at a time on
 * a worker thread and reports their progress and outcome as notices through the UI thread's
 * inbox. One at a time, because two enable-ha or add-machine confirmations typed in quick
 * succession should not race each other in the operator's head either.
 */
final class ActionRunner implements AutoCloseable {

  /** A call into core whose result is one line for the notice. */
  interface Action {
    String run() throws HactlException;
  }

  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "dashboard-action");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean busy = new AtomicBoolean();
  private final Consumer<Notice> notices;

  /** @param notices called from the worker thread; must hand the notice to the UI thread */
  ActionRunner(Consumer<Notice> notices) {
    this.notices = notices;
  }

  /** Starts {@code action} unless one is running; says which is. UI thread. */
  boolean start(String what, Action action) {
    if (!busy.compareAndSet(false, true)) {
      notices.accept(Notice.error("cannot start " + what + ": the previous action is still"
          + " running; wait for its result"));
      return false;
    }
    notices.accept(Notice.working(what + "…"));
    worker.execute(() -> {
      try {
        notices.accept(Notice.good(action.run()));
      } catch (HactlException e) {
        notices.accept(Notice.error(e.getMessage()));
      } catch (RuntimeException e) {
        notices.accept(Notice.error(what + " failed: " + e));
      } finally {
        busy.set(false);
      }
    });
    return true;
  }

  /** Runs {@code task} on the worker thread without a notice (linking feeds, listing). */
  void quietly(Runnable task) {
    worker.execute(task);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
