package io.hactl.core.logs;

import static io.hactl.core.logs.Records.info;
import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.testing.InMemoryLogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPrunerTest {

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    Instant now = Instant.parse("2024-05-06T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final InMemoryLogStore store = new InMemoryLogStore();
  private final TestClock clock = new TestClock();
  private final long recordSize = info("machine-1", 0, 0).approximateSize();

  private void write(int fromSeq, int count) {
    List<LogRecord> batch = new ArrayList<>();
    for (int i = fromSeq; i < fromSeq + count; i++) {
      batch.add(info("machine-1", i, i));
    }
    store.append(batch);
  }

  @Test
  void keepsTheNewestRecordsWithinTheLimitAndChecksOncePerPeriod() {
    LogPruner pruner = new LogPruner(store, 100 * recordSize, clock, Duration.ofSeconds(30));
    write(0, 90);
    assertThat(pruner.runOnce()).isEmpty();

    write(90, 60);
    clock.now = clock.now.plusSeconds(10);
    assertThat(pruner.runOnce()).as("not due yet").isEmpty();
    assertThat(store.records()).hasSize(150);

    clock.now = clock.now.plusSeconds(20);
    Instant before = pruner.runOnce().orElseThrow();

    List<LogRecord> kept = store.records();
    assertThat(kept.stream().mapToLong(LogRecord::approximateSize).sum())
        .isLessThanOrEqualTo(90 * recordSize);
    assertThat(kept).hasSizeBetween(80, 90);
    assertThat(kept.get(0).seq()).as("the newest are kept").isEqualTo(150 - kept.size());
    assertThat(before).isEqualTo(store.records().get(0).time());
    assertThat(store.prunedBefore()).contains(before);
  }
}
