package io.hactl.tui;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.StatusFeed;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A feed the test publishes to, from the test's thread (not the dashboard's). */
public final class ManualFeed implements StatusFeed {

  private final List<Consumer<EnvironmentStatus>> listeners = new CopyOnWriteArrayList<>();
  private volatile EnvironmentStatus latest;
  volatile boolean closed;

  public void publish(EnvironmentStatus snapshot) {
    latest = snapshot;
    listeners.forEach(l -> l.accept(snapshot));
  }

  int subscribers() {
    return listeners.size();
  }

  @Override
  public Optional<EnvironmentStatus> latest() {
    return Optional.ofNullable(latest);
  }

  @Override
  public AutoCloseable subscribe(Consumer<EnvironmentStatus> listener) {
    listeners.add(listener);
    EnvironmentStatus now = latest;
    if (now != null) {
      listener.accept(now);
    }
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    closed = true;
  }
}
