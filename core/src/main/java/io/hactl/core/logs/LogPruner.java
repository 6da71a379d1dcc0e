package io.hactl.core.logs;

import io.hactl.core.state.StateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the environment's log within its size limit, oldest records first. Run by the master
 * only (one writer), on the master's tick; it acts at most once per {@code every}, since summing
 * the log's size reads every record.
 */
public final class LogPruner {

  /** The default limit: {@code log-retention-mb} when the environment does not set it. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  /** How often the master checks the log's size by default. */
  public static final Duration DEFAULT_EVERY = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(LogPruner.class);

  private final LogStore store;
  private final long maxBytes;
  private final Clock clock;
  private final Duration every;
  private Instant lastRun = Instant.MIN;

  public LogPruner(LogStore store, long maxBytes, Clock clock, Duration every) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("the log's size limit must be positive");
    }
    this.store = store;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.every = every;
  }

  /**
   * Prunes when a check is due.
   *
   * @return the new pruning time when records were deleted
   * @throws StateException when the store fails (the master gate logs it and tries next tick)
   */
  public Optional<Instant> runOnce() {
    Instant now = clock.instant();
    if (lastRun != Instant.MIN && now.isBefore(lastRun.plus(every))) {
      return Optional.empty();
    }
    lastRun = now;
    Optional<Instant> pruned = store.prune(maxBytes);
    pruned.ifPresent(before -> LOG.info("pruned log records before {} to keep the log under {}"
        + " MB", before, maxBytes / (1024 * 1024)));
    return pruned;
  }
}
