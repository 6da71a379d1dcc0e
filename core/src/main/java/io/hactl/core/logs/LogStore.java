package io.hactl.core.logs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The environment's log, kept in its replica set so that every controller holds every record,
 * including controllers added after the records were written. Implementations throw
 * {@link io.hactl.core.state.StateException} when the member or replica set cannot be reached.
 *
 * <p>Reads come in three shapes, all restricted to records matching a {@link LogFilter}: the
 * newest records up to a position (a tail), pages in time order up to a position (a replay), and
 * everything beyond a position (following).
 */
public interface LogStore extends AutoCloseable {

  /**
   * Stores a batch of records. A batch resent as it was (after a failed or unacknowledged write)
   * is stored once: each entity's records are identified by their first sequence number.
   */
  void append(List<LogRecord> records);

  /** The highest sequence number stored of {@code entity}; -1 when none. */
  long lastSeq(String entity);

  /** The last sequence number of every entity: where a reader starting now is. */
  LogPosition head();

  /**
   * The newest {@code count} records matching {@code filter} and covered by {@code upTo}, oldest
   * first (by time, entity, seq).
   */
  List<LogRecord> newest(LogFilter filter, LogPosition upTo, int count);

  /**
   * Up to {@code limit} records matching {@code filter}, covered by {@code upTo} and after
   * {@code after} in (time, entity, seq) order (null: from the oldest), oldest first.
   */
  List<LogRecord> page(LogFilter filter, LogPosition upTo, LogRecord after, int limit);

  /**
   * Up to about {@code limit} records matching {@code filter} that lie beyond {@code position},
   * in (entity, seq) order, and the position reached (past records the filter skipped too).
   */
  LogSlice beyond(LogFilter filter, LogPosition position, int limit);

  /**
   * Deletes the oldest records until the log holds at most {@code maxBytes} (approximately),
   * and remembers the time before which records are gone.
   *
   * @return the new pruning time, or empty when nothing had to go
   */
  Optional<Instant> prune(long maxBytes);

  /** The time before which records were pruned; empty when nothing ever was. */
  Optional<Instant> prunedBefore();

  @Override
  void close();
}
