package io.hactl.tui;

import io.hactl.core.HactlException;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.StatusFeed;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A backend whose dashboards share one status feed per environment: ten SSH sessions watching
 * the same environment cost one status read a second, not ten. A feed opens with its first
 * watcher and closes with its last. Everything else is passed to the wrapped backend.
 */
public final class SharedFeeds implements DashboardBackend {

  private final DashboardBackend backend;
  private final Map<String, Shared> feeds = new HashMap<>();

  public SharedFeeds(DashboardBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<String> environments() throws HactlException {
    return backend.environments();
  }

  @Override
  public EnvironmentClient client(String environment) throws HactlException {
    return backend.client(environment);
  }

  @Override
  public void switched(String environment) throws HactlException {
    backend.switched(environment);
  }

  /** The environment's shared feed; the first watcher's interval is everyone's. */
  @Override
  public synchronized StatusFeed watch(String environment, Duration interval)
      throws HactlException {
    Shared shared = feeds.get(environment);
    if (shared == null) {
      shared = new Shared(environment, backend.watch(environment, interval));
      feeds.put(environment, shared);
    }
    shared.users++;
    return shared.view();
  }

  private synchronized void release(Shared shared) {
    if (--shared.users == 0) {
      feeds.remove(shared.environment);
      shared.feed.close();
    }
  }

  /** Open feeds, for tests. */
  synchronized int open() {
    return feeds.size();
  }

  private final class Shared {
    private final String environment;
    private final StatusFeed feed;
    private int users;

    Shared(String environment, StatusFeed feed) {
      this.environment = environment;
      this.feed = feed;
    }

    /** A watcher's handle: closing it releases the shared feed once. */
    StatusFeed view() {
      return new StatusFeed() {
        private boolean closed;

        @Override
        public Optional<EnvironmentStatus> latest() {
          return feed.latest();
        }

        @Override
        public AutoCloseable subscribe(Consumer<EnvironmentStatus> listener) {
          return feed.subscribe(listener);
        }

        @Override
        public synchronized void close() {
          if (!closed) {
            closed = true;
            release(Shared.this);
          }
        }
      };
    }
  }
}
