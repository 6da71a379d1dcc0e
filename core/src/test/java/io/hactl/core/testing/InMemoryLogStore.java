package io.hactl.core.testing;

import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogPosition;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogSlice;
import io.hactl.core.logs.LogStore;
import io.hactl.core.state.StateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written in-memory {@link LogStore}: the reference meaning of every query, in plain Java
 * ({@link LogFilter#matches}, {@link LogPosition#covers}). Failure injection: {@link #failNext}
 * fails the next N calls before they act; {@link #storeThenFailNext} makes the next N appends
 * store their records and then fail, as a primary that dies before acknowledging does;
 * {@link #unreachable} fails every call until cleared. {@link #view()} gives another handle on
 * the same records (a second member) with its own failures.
 */
public final class InMemoryLogStore implements LogStore {

  /** (time, entity, seq): the order of replays and of {@link #records()}. */
  public static final Comparator<LogRecord> TIME_ORDER = Comparator
      .comparing(LogRecord::time).thenComparing(LogRecord::entity)
      .thenComparingLong(LogRecord::seq);

  private final Shared shared;
  public volatile boolean unreachable;
  public volatile int failNext;
  public volatile int storeThenFailNext;
  public volatile boolean closed;
  public volatile int appendCalls;

  /** What every view sees. */
  private static final class Shared {
    final Map<String, LogRecord> byId = new LinkedHashMap<>();
    Instant prunedBefore;
  }

  public InMemoryLogStore() {
    this(new Shared());
  }

  private InMemoryLogStore(Shared shared) {
    this.shared = shared;
  }

  /** Another store over the same records, as another member of the replica set. */
  public InMemoryLogStore view() {
    return new InMemoryLogStore(shared);
  }

  private void check() {
    if (unreachable || failNext > 0) {
      failNext = Math.max(0, failNext - 1);
      throw new StateException("cannot reach the log: no member answers (injected)", null);
    }
  }

  /** Every record stored, in time order. */
  public List<LogRecord> records() {
    synchronized (shared) {
      List<LogRecord> all = new ArrayList<>(shared.byId.values());
      all.sort(TIME_ORDER);
      return all;
    }
  }

  @Override
  public void append(List<LogRecord> records) {
    appendCalls++;
    check();
    synchronized (shared) {
      for (LogRecord r : records) {
        shared.byId.putIfAbsent(r.entity() + "/" + r.seq(), r);
      }
    }
    if (storeThenFailNext > 0) {
      storeThenFailNext--;
      throw new StateException("cannot store log records: connection lost before the"
          + " acknowledgement (injected)", null);
    }
  }

  @Override
  public long lastSeq(String entity) {
    check();
    return head().lastSeq().getOrDefault(entity, -1L);
  }

  @Override
  public LogPosition head() {
    check();
    Map<String, Long> last = new HashMap<>();
    for (LogRecord r : records()) {
      last.merge(r.entity(), r.seq(), Math::max);
    }
    return new LogPosition(last);
  }

  @Override
  public List<LogRecord> newest(LogFilter filter, LogPosition upTo, int count) {
    check();
    List<LogRecord> matching = records().stream()
        .filter(r -> filter.matches(r) && upTo.covers(r)).toList();
    return matching.subList(Math.max(0, matching.size() - count), matching.size());
  }

  @Override
  public List<LogRecord> page(LogFilter filter, LogPosition upTo, LogRecord after, int limit) {
    check();
    return records().stream()
        .filter(r -> filter.matches(r) && upTo.covers(r))
        .filter(r -> after == null || TIME_ORDER.compare(r, after) > 0)
        .limit(limit).toList();
  }

  @Override
  public LogSlice beyond(LogFilter filter, LogPosition position, int limit) {
    check();
    List<LogRecord> examined = records().stream()
        .filter(r -> !position.covers(r))
        .sorted(Comparator.comparing(LogRecord::entity).thenComparingLong(LogRecord::seq))
        .toList();
    List<LogRecord> matching = new ArrayList<>();
    LogPosition reached = position;
    for (LogRecord r : examined) {
      if (matching.size() >= limit) {
        break;
      }
      reached = reached.advance(List.of(r));
      if (filter.matches(r)) {
        matching.add(r);
      }
    }
    return new LogSlice(matching, reached);
  }

  @Override
  public Optional<Instant> prune(long maxBytes) {
    check();
    synchronized (shared) {
      long total = shared.byId.values().stream().mapToLong(LogRecord::approximateSize).sum();
      if (total <= maxBytes) {
        return Optional.empty();
      }
      long toRemove = total - (long) (maxBytes * 0.9);
      List<LogRecord> oldestFirst = records();
      Instant cutoff = null;
      long removed = 0;
      Instant last = null;
      for (LogRecord r : oldestFirst) {
        if (removed >= toRemove && r.time().isAfter(last)) {
          cutoff = r.time();
          break;
        }
        removed += r.approximateSize();
        last = r.time();
      }
      Instant before = cutoff != null ? cutoff : last.plusMillis(1);
      shared.byId.values().removeIf(r -> r.time().isBefore(before));
      shared.prunedBefore = before;
      return Optional.of(before);
    }
  }

  @Override
  public Optional<Instant> prunedBefore() {
    check();
    synchronized (shared) {
      return Optional.ofNullable(shared.prunedBefore);
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
