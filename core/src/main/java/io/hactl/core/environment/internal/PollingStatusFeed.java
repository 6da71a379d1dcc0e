package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.StatusFeed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes a snapshot every interval from one daemon thread. A failed read keeps the last
 * snapshot, marked unreachable with the failure, so viewers keep showing what was last known.
 */
final class PollingStatusFeed implements StatusFeed {

  /** Reads a snapshot; may block on I/O (it runs on the feed's own thread). */
  interface Source {
    EnvironmentStatus read() throws HactlException;
  }

  private final Source source;
  private final ScheduledExecutorService executor;
  private final List<Consumer<EnvironmentStatus>> listeners = new CopyOnWriteArrayList<>();
  private volatile EnvironmentStatus latest;

  PollingStatusFeed(Source source, Duration interval) {
    this.source = source;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "status-feed");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    EnvironmentStatus next;
    try {
      next = source.read();
    } catch (HactlException | RuntimeException e) {
      EnvironmentStatus last = latest;
      if (last == null) {
        return;
      }
      next = new EnvironmentStatus(last.name(), last.uuid(), last.provider(),
          last.bootstrapped(), false, last.observedAt(), last.master(), last.machines(),
          e.getMessage(), last.warnings());
    }
    latest = next;
    for (Consumer<EnvironmentStatus> listener : listeners) {
      listener.accept(next);
    }
  }

  @Override
  public Optional<EnvironmentStatus> latest() {
    return Optional.ofNullable(latest);
  }

  @Override
  public AutoCloseable subscribe(Consumer<EnvironmentStatus> listener) {
    listeners.add(listener);
    EnvironmentStatus current = latest;
    if (current != null) {
      listener.accept(current);
    }
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
