package io.hactl.core.logs;

import io.hactl.core.HactlException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A reader's place in the environment's log: first the backlog asked for, then every new record,
 * each exactly once, across failures of the controller read from. Used from one thread at a time
 * (the dashboard's log pane polls it from its refresh thread); the records it returns are
 * immutable.
 *
 * <pre>{@code
 * try (LogSubscription logs = client.logs().subscribe(request)) {
 *   while (running) {
 *     LogBatch batch = logs.poll(Duration.ofSeconds(1));
 *     batch.records().forEach(pane::append);
 *   }
 * }
 * }</pre>
 */
public interface LogSubscription extends AutoCloseable {

  /**
   * The next records; when none are there yet, waits up to {@code wait} for some. While the
   * backlog is being read the records come in pages; after it, whatever arrived. A controller
   * that fails is replaced and reading continues where it stopped.
   *
   * @throws HactlException when the backlog cannot be read from any controller
   */
  LogBatch poll(Duration wait) throws HactlException;

  /**
   * The time before which records were pruned, as read when the subscription started; empty
   * before the first poll or when nothing was ever pruned.
   */
  Optional<Instant> prunedBefore();

  @Override
  void close();
}
