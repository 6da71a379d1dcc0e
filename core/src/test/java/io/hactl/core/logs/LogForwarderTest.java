package io.hactl.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.testing.InMemoryLogStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LogForwarderTest {

  private static final Instant NOW = Instant.parse("2024-05-06T15:47:09.250Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final InMemoryLogStore store = new InMemoryLogStore();

  private LogForwarder forwarder(int capacity) {
    return new LogForwarder(capacity, clock, warnings::add);
  }

  private static void log(LogForwarder forwarder, String message) {
    forwarder.accept(NOW, "io.hactl.agent.Test", LogLevel.INFO, message, "Test.java:1");
  }

  private List<String> storedMessages() {
    return store.records().stream().map(LogRecord::message).toList();
  }

  @Test
  void sendsBufferedRecordsInOrderNumberedFromTheClock() {
    LogForwarder forwarder = forwarder(10);
    log(forwarder, "one");
    log(forwarder, "two");
    forwarder.attach("machine-1", store);

    assertThat(forwarder.sendOnce()).isTrue();

    assertThat(storedMessages()).containsExactly("one", "two");
    assertThat(store.records()).extracting(LogRecord::seq)
        .containsExactly(NOW.toEpochMilli() * 1000, NOW.toEpochMilli() * 1000 + 1);
    assertThat(store.records()).extracting(LogRecord::entity).containsOnly("machine-1");
    assertThat(forwarder.sent()).isEqualTo(2);
    assertThat(forwarder.pending()).isZero();
  }

  @Test
  void continuesAboveWhatAnEarlierAgentProcessSent() {
    long earlier = NOW.toEpochMilli() * 1000 + 5_000;
    store.append(List.of(new LogRecord(NOW, "machine-1", "m", LogLevel.INFO, "old", "", earlier)));
    LogForwarder forwarder = forwarder(10);
    log(forwarder, "new");
    forwarder.attach("machine-1", store);

    forwarder.sendOnce();

    assertThat(store.records()).extracting(LogRecord::seq).containsExactly(earlier, earlier + 1);
  }

  @Test
  void resendsTheSameBatchAfterAnUnacknowledgedWriteWithoutDuplicates() {
    LogForwarder forwarder = forwarder(10);
    log(forwarder, "one");
    log(forwarder, "two");
    forwarder.attach("machine-1", store);
    store.storeThenFailNext = 1;

    assertThat(forwarder.sendOnce()).as("the write was not acknowledged").isFalse();
    log(forwarder, "three");
    assertThat(forwarder.sendOnce()).isTrue();
    assertThat(forwarder.sendOnce()).isTrue();

    assertThat(storedMessages()).containsExactly("one", "two", "three");
    assertThat(store.records()).extracting(LogRecord::seq).doesNotHaveDuplicates();
    assertThat(store.appendCalls).isEqualTo(3);
  }

  @Test
  void keepsTheBatchWhenTheStoreRefusesItAndLosesNothing() {
    LogForwarder forwarder = forwarder(10);
    forwarder.attach("machine-1", store);
    log(forwarder, "one");
    forwarder.sendOnce();
    log(forwarder, "two");
    store.failNext = 3;

    assertThat(forwarder.sendOnce()).isFalse();
    assertThat(forwarder.sendOnce()).isFalse();
    assertThat(forwarder.sendOnce()).isFalse();
    assertThat(forwarder.pending()).isEqualTo(1);
    assertThat(forwarder.sendOnce()).isTrue();

    assertThat(storedMessages()).containsExactly("one", "two");
    assertThat(store.records().get(1).seq()).isEqualTo(store.records().get(0).seq() + 1);
  }

  @Test
  void dropsTheOldestRecordsWhenFullWarnsOnceAndRecordsHowManyWereLost() {
    LogForwarder forwarder = forwarder(3);
    for (int i = 1; i <= 5; i++) {
      log(forwarder, "r" + i);
    }

    assertThat(forwarder.pending()).isEqualTo(3);
    assertThat(forwarder.dropped()).isEqualTo(2);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("log buffer full (3 records)");

    forwarder.attach("machine-1", store);
    forwarder.sendOnce();
    forwarder.sendOnce();

    assertThat(storedMessages()).containsExactly("r3", "r4", "r5",
        "dropped 2 log records: the buffer of 3 records was full while no controller took them");
    LogRecord warning = store.records().get(3);
    assertThat(warning.level()).isEqualTo(LogLevel.WARNING);
    assertThat(warning.module()).isEqualTo(LogForwarder.class.getName());
  }

  @Test
  void sendsInBatchesOfBoundedSize() {
    LogForwarder forwarder = forwarder(2000);
    LongStream.range(0, 1200).forEach(i -> log(forwarder, "r" + i));
    forwarder.attach("machine-1", store);

    forwarder.sendOnce();
    assertThat(store.records()).hasSize(LogForwarder.BATCH);
    forwarder.sendOnce();
    forwarder.sendOnce();
    assertThat(store.records()).hasSize(1200);
  }

  @Test
  void neverBlocksTheLoggerWhileNoControllerAnswersAndCatchesUpAfterwards() throws Exception {
    LogForwarder forwarder = forwarder(1000);
    store.unreachable = true;
    forwarder.start("machine-1", store);

    long started = System.nanoTime();
    for (int i = 0; i < 20_000; i++) {
      log(forwarder, "r" + i);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(forwarder.pending()).isLessThanOrEqualTo(1000);
    assertThat(forwarder.dropped()).isGreaterThanOrEqualTo(19_000);
    store.unreachable = false;
    await(() -> forwarder.pending() == 0, "the buffer to drain");
    assertThat(storedMessages()).contains("r19999");
    assertThat(storedMessages()).anyMatch(m -> m.startsWith("dropped "));
    forwarder.close();
  }

  @Test
  void closeFlushesWhatIsBuffered() {
    LogForwarder forwarder = forwarder(100);
    forwarder.start("machine-1", store);
    for (int i = 0; i < 50; i++) {
      log(forwarder, "r" + i);
    }

    forwarder.close(Duration.ofSeconds(10));

    assertThat(store.records()).hasSize(50);
    log(forwarder, "after close");
    assertThat(forwarder.pending()).isZero();
  }

  @Test
  void recordsLoggedWhileSendingAreNotForwardedSoAFailingStoreCannotFeedItself()
      throws Exception {
    LogForwarder forwarder = forwarder(10);
    List<String> seenBySender = new ArrayList<>();
    LogStore noisy = (LogStore) Proxy.newProxyInstance(LogStore.class.getClassLoader(),
        new Class<?>[] {LogStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("append")) {
            seenBySender.add("append");
            // What the driver does on the sending thread: log through the same sink.
            forwarder.accept(NOW, "org.mongodb.driver", LogLevel.WARNING, "driver noise", "");
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    forwarder.start("machine-1", noisy);
    log(forwarder, "one");

    await(() -> forwarder.sent() == 1, "the record to be sent");
    forwarder.close();

    assertThat(storedMessages()).containsExactly("one");
    assertThat(seenBySender).containsExactly("append");
  }

  private static void await(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }
}
