package io.hactl.core.logs;

import io.hactl.core.state.StateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends an agent's log records to the environment's {@link LogStore}, never blocking the code
 * that logs.
 *
 * <p>{@link #accept} puts a record in a bounded buffer and returns; when the buffer is full the
 * oldest record is dropped and counted, and once the store takes records again a warning record
 * says how many were lost. One daemon thread sends: it takes a batch, numbers it (sequence numbers
 * are assigned once, on first take) and resends that same batch until the store acknowledges it,
 * backing off between attempts. Because resent records keep their numbers, a write acknowledged
 * by a primary that dies before answering is not duplicated; because the batch is kept until
 * acknowledged, nothing taken is lost.
 *
 * <p>Sends are paced: at most one per {@link #SEND_INTERVAL}, stretched to
 * {@link #CONGESTION_FACTOR} times the last write's duration (up to {@link #MAX_SEND_INTERVAL}).
 * Logs share the replica set with the writes that decide HA; when writes slow down, every agent
 * sends less often, in larger batches, and its buffer absorbs the difference.
 *
 * <p>Records are accepted from creation on; {@link #start} names the entity and the store once
 * they are known (the agent logs before it has read its configuration). Records logged by the
 * sending thread itself (the driver's own complaints while a controller is down) are not
 * forwarded, so a failing store cannot feed itself.
 */
public final class LogForwarder implements AutoCloseable {

  /** How many records fit in the buffer by default. */
  public static final int DEFAULT_CAPACITY = 10_000;
  /** The most records sent in one write. */
  static final int BATCH = 500;
  /** The shortest time between two sends. */
  static final Duration SEND_INTERVAL = Duration.ofMillis(250);
  /** The longest time between two sends, however slow the store. */
  static final Duration MAX_SEND_INTERVAL = Duration.ofSeconds(1);
  /** How many times its own duration a send waits before the next one. */
  static final long CONGESTION_FACTOR = 8;
  private static final Duration MIN_BACKOFF = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  /** A record waiting to be numbered and sent. */
  private record Pending(Instant time, String module, LogLevel level, String message,
      String location) {}

  private final int capacity;
  private final Clock clock;
  private final Consumer<String> warnings;
  private final ArrayDeque<Pending> buffer = new ArrayDeque<>();
  private final List<LogRecord> inFlight = new ArrayList<>();
  private long droppedSinceReport;
  private long droppedTotal;
  private long sent;
  /** Owned by the sending thread. */
  private long nextSeq = -1;
  private String entity;
  private LogStore store;
  private Thread sender;
  private volatile boolean closing;

  /**
   * @param capacity how many records the buffer holds before dropping the oldest
   * @param warnings where to say that records are being dropped (the agent's stderr), at once
   */
  public LogForwarder(int capacity, Clock clock, Consumer<String> warnings) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.clock = Objects.requireNonNull(clock);
    this.warnings = Objects.requireNonNull(warnings);
  }

  /** Buffers one record; never blocks on the store. */
  public void accept(Instant time, String module, LogLevel level, String message,
      String location) {
    if (Thread.currentThread() == sender || closing) {
      return;
    }
    Pending pending = new Pending(time.truncatedTo(ChronoUnit.MILLIS), module, level, message,
        location);
    String warning = null;
    synchronized (this) {
      if (buffer.size() >= capacity) {
        buffer.pollFirst();
        droppedTotal++;
        if (droppedSinceReport++ == 0) {
          warning = "log buffer full (" + capacity + " records): dropping the oldest records"
              + " until a controller takes them again";
        }
      }
      buffer.addLast(pending);
      notifyAll();
    }
    if (warning != null) {
      warnings.accept(warning);
    }
  }

  /**
   * Names the agent's entity and the store, and starts the sending thread.
   *
   * @param entity e.g. {@code machine-1}
   */
  public synchronized void start(String entity, LogStore store) {
    if (sender != null) {
      throw new IllegalStateException("already started");
    }
    attach(entity, store);
    sender = new Thread(this::sendLoop, "log-forwarder");
    sender.setDaemon(true);
    sender.start();
  }

  /** Names the entity and the store without a thread: {@link #sendOnce} then sends. */
  synchronized void attach(String entity, LogStore store) {
    this.entity = Objects.requireNonNull(entity);
    this.store = Objects.requireNonNull(store);
  }

  /**
   * Makes one attempt to send the batch in flight (taking a new one first if there is none).
   *
   * @return false when the store failed, so the caller should back off; true otherwise
   */
  boolean sendOnce() {
    List<LogRecord> batch;
    try {
      if (nextSeq < 0) {
        // Outside the lock: a store call must never hold up a thread that logs.
        nextSeq = firstSeq();
      }
      synchronized (this) {
        if (inFlight.isEmpty()) {
          if (buffer.isEmpty()) {
            return true;
          }
          takeBatch();
        }
        batch = List.copyOf(inFlight);
      }
      store.append(batch);
    } catch (StateException e) {
      return false;
    }
    synchronized (this) {
      inFlight.clear();
      sent += batch.size();
      if (droppedSinceReport > 0) {
        buffer.addFirst(new Pending(clock.instant().truncatedTo(ChronoUnit.MILLIS),
            LogForwarder.class.getName(), LogLevel.WARNING, "dropped " + droppedSinceReport
                + " log records: the buffer of " + capacity + " records was full while no"
                + " controller took them", ""));
        droppedSinceReport = 0;
      }
    }
    return true;
  }

  /**
   * A new agent process continues above whatever its predecessor sent: the store's last number
   * for this entity, or the clock in microseconds-ish units, whichever is higher (the latter
   * covers a predecessor whose records were all pruned).
   */
  private long firstSeq() {
    return Math.max(store.lastSeq(entity) + 1, clock.millis() * 1000);
  }

  private void takeBatch() {
    while (inFlight.size() < BATCH && !buffer.isEmpty()) {
      Pending p = buffer.pollFirst();
      inFlight.add(new LogRecord(p.time(), entity, p.module(), p.level(), p.message(),
          p.location(), nextSeq++));
    }
  }

  private void sendLoop() {
    Duration backoff = MIN_BACKOFF;
    long interval = SEND_INTERVAL.toNanos();
    long lastSend = System.nanoTime() - interval;
    while (true) {
      synchronized (this) {
        try {
          while (buffer.isEmpty() && inFlight.isEmpty()) {
            if (closing) {
              return;
            }
            wait();
          }
          // At most one send per interval: a busy agent sends few large writes, which the
          // replica set applies far more cheaply than many small ones, and at most BATCH
          // records per interval; a quiet agent's record still goes at once, as its last send
          // is long past. The interval grows with the time the last write took, so logs yield
          // to the writes that decide HA when the replica set is busy.
          long due = lastSend + interval;
          while (!closing && System.nanoTime() < due) {
            wait(Math.max(1, (due - System.nanoTime()) / 1_000_000));
          }
        } catch (InterruptedException e) {
          return;
        }
      }
      lastSend = System.nanoTime();
      if (sendOnce()) {
        long took = System.nanoTime() - lastSend;
        interval = Math.min(MAX_SEND_INTERVAL.toNanos(),
            Math.max(SEND_INTERVAL.toNanos(), CONGESTION_FACTOR * took));
        backoff = MIN_BACKOFF;
        continue;
      }
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
          ? MAX_BACKOFF : backoff.multipliedBy(2);
    }
  }

  /** Records buffered or in flight, not yet acknowledged. */
  public synchronized int pending() {
    return buffer.size() + inFlight.size();
  }

  /** Records the store acknowledged. */
  public synchronized long sent() {
    return sent;
  }

  /** Records dropped because the buffer was full, since creation. */
  public synchronized long dropped() {
    return droppedTotal;
  }

  /**
   * Stops accepting records and gives the sender up to {@code flushTimeout} to send what is
   * buffered, then stops it.
   */
  public void close(Duration flushTimeout) {
    Thread thread;
    synchronized (this) {
      closing = true;
      notifyAll();
      thread = sender;
    }
    if (thread == null) {
      return;
    }
    try {
      thread.join(flushTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.interrupt();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }
}
