package io.hactl.core.logs.internal;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogBatch;
import io.hactl.core.logs.LogPosition;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogSlice;
import io.hactl.core.logs.LogStore;
import io.hactl.core.logs.LogSubscription;
import io.hactl.core.state.StateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Reads the backlog, then follows, from one controller at a time.
 *
 * <p>The subscription first reads the log's head (each entity's last sequence number). The
 * backlog is what lies at or before the head; following returns what lies beyond the position
 * read so far, per entity. A controller that fails is closed and another one is opened; the
 * position carries over, so nothing is skipped or repeated. A replacement member may lag behind
 * the one that failed: while reading the backlog, the subscription waits until the new member
 * holds everything up to the head (when following, lag only delays records).
 */
public final class DefaultLogSubscription implements LogSubscription {

  static final int PAGE = 1000;
  static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Comparator<LogRecord> TIME_ORDER = Comparator
      .comparing(LogRecord::time).thenComparing(LogRecord::entity)
      .thenComparingLong(LogRecord::seq);

  private enum Phase { START, REPLAY, FOLLOW }

  private final LogRequest request;
  private final LogSource source;
  private final Random random;
  private Phase phase = Phase.START;
  private LogSource.Member member;
  private LogStore store;
  private boolean memberIsFresh;
  private LogPosition head;
  private LogPosition position;
  private LogRecord lastReplayed;
  private Optional<Instant> prunedBefore = Optional.empty();
  private int failuresInARow;
  /** The named controller's address, once known: state may be unreachable when reconnecting. */
  private String namedAddress;
  private final List<String> notices = new ArrayList<>();

  public DefaultLogSubscription(LogRequest request, LogSource source, Random random) {
    this.request = request;
    this.source = source;
    this.random = random;
  }

  @Override
  public LogBatch poll(Duration wait) throws HactlException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      LogBatch batch = pollOnce();
      if (!batch.records().isEmpty() || !batch.notices().isEmpty()
          || System.nanoTime() >= deadline) {
        return batch;
      }
      try {
        Thread.sleep(Math.min(POLL_INTERVAL.toMillis(),
            Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return batch;
      }
    }
  }

  /** One read from the current controller; a failure moves to another one. */
  LogBatch pollOnce() throws HactlException {
    List<LogRecord> records = List.of();
    try {
      if (store == null) {
        connect();
      }
      if (memberIsFresh && head != null && phase != Phase.FOLLOW && !holdsHead()) {
        return batch(List.of());
      }
      memberIsFresh = false;
      records = read();
      if (failuresInARow > 0) {
        notices.add("reading logs from " + member);
        failuresInARow = 0;
      }
    } catch (StateException e) {
      failed(e);
    }
    return batch(records);
  }

  private List<LogRecord> read() {
    switch (phase) {
      case START -> {
        head = store.head();
        position = head;
        prunedBefore = store.prunedBefore();
        if (request.backlog().all()) {
          phase = Phase.REPLAY;
          return replayPage();
        }
        phase = Phase.FOLLOW;
        return request.backlog().lines() == 0 ? List.of()
            : store.newest(request.filter(), head, request.backlog().lines());
      }
      case REPLAY -> {
        return replayPage();
      }
      default -> {
        LogSlice slice = store.beyond(request.filter(), position, PAGE);
        position = slice.reached();
        List<LogRecord> sorted = new ArrayList<>(slice.records());
        sorted.sort(TIME_ORDER);
        return sorted;
      }
    }
  }

  private List<LogRecord> replayPage() {
    List<LogRecord> page = store.page(request.filter(), head, lastReplayed, PAGE);
    if (!page.isEmpty()) {
      lastReplayed = page.get(page.size() - 1);
    }
    if (page.size() < PAGE) {
      phase = Phase.FOLLOW;
    }
    return page;
  }

  /** Whether the member now read from holds every record up to the head. */
  private boolean holdsHead() {
    Map<String, Long> there = store.head().lastSeq();
    return head.lastSeq().entrySet().stream()
        .allMatch(e -> there.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }

  private void connect() throws HactlException {
    List<LogSource.Member> members = source.members();
    List<LogSource.Member> candidates = new ArrayList<>();
    for (LogSource.Member m : members) {
      if (request.controller() == null || request.controller().equals(m.machineId())
          || (m.machineId() == null && request.controller().equals(namedAddress))) {
        candidates.add(m);
      }
    }
    if (candidates.isEmpty()) {
      throw HactlException.badInput("cannot read logs from controller " + request.controller()
          + ": machine " + request.controller() + " is not a controller; run `hactl status`"
          + " to see the controllers");
    }
    if (candidates.size() > 1 && member != null) {
      // Move away from the member that just failed.
      String failed = member.address();
      candidates.removeIf(m -> m.address().equals(failed));
    }
    member = candidates.get(random.nextInt(candidates.size()));
    if (request.controller() != null) {
      namedAddress = member.address();
    }
    store = source.open(member);
    memberIsFresh = true;
  }

  private void failed(StateException e) throws HactlException {
    if (failuresInARow == 0) {
      notices.add("lost " + member + ": " + e.getMessage() + "; trying "
          + (request.controller() == null ? "another controller" : "it again"));
    }
    closeStore();
    failuresInARow++;
    if (phase != Phase.FOLLOW && failuresInARow > 2 * source.members().size()) {
      throw HactlException.failure("cannot read logs of the environment: no controller"
          + " answered (last: " + e.getMessage() + "); check `hactl status`", e);
    }
  }

  private LogBatch batch(List<LogRecord> records) {
    LogBatch batch = new LogBatch(records, phase == Phase.FOLLOW, notices);
    notices.clear();
    return batch;
  }

  @Override
  public Optional<Instant> prunedBefore() {
    return prunedBefore;
  }

  private void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  @Override
  public void close() {
    closeStore();
  }
}
