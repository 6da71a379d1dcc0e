package io.hactl.core.status;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Live status snapshots of one environment, published by a background thread. Listeners are
 * called on that thread: a UI must hand the snapshot to its own thread.
 */
public interface StatusFeed extends AutoCloseable {

  /** The latest snapshot, if one was taken yet. */
  Optional<EnvironmentStatus> latest();

  /**
   * Calls {@code listener} with every new snapshot, starting with the latest one if any.
   *
   * @return a handle that unsubscribes when closed
   */
  AutoCloseable subscribe(Consumer<EnvironmentStatus> listener);

  /** Stops publishing. */
  @Override
  void close();
}
