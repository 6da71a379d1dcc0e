package io.hactl.core.state.internal;

import static io.hactl.core.logs.Records.info;
import static io.hactl.core.logs.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogPosition;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogSlice;
import java.time.Instant;
import io.hactl.core.testing.InMemoryLogStore;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB adapter against mongo-java-server's query engine (the embedded member's), checked
 * against the in-memory store, whose queries are the plain-Java meaning of filters and
 * positions.
 */
class MongoLogStoreTest {

  private MongoServer server;
  private MongoLogStore mongo;
  private final InMemoryLogStore reference = new InMemoryLogStore();
  private final List<LogRecord> records = new ArrayList<>();

  @BeforeEach
  void startServer() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    mongo = new MongoLogStore(MongoClients.create("mongodb://127.0.0.1:" + address.getPort()),
        ReadPreference.primary());
    String[] modules = {"io.hactl.agent.AgentMain", "io.hactl.agent.HeartbeatWorker",
        "io.hactl.core.logs.LogPruner", "org.mongodb.driver.cluster", "io.hactl.agents.Other"};
    String[] entities = {"machine-0", "machine-1", "machine-12", "machine-2"};
    int n = 0;
    for (int seq = 0; seq < 10; seq++) {
      for (String entity : entities) {
        // Times interleave across entities and repeat, so ties are broken by entity and seq.
        records.add(record(entity, seq, modules[n % modules.length],
            LogLevel.values()[n % LogLevel.values().length], (n / 3) * 0.5));
        n++;
      }
    }
    // Several batches, as agents send them: chunks of different sizes, overlapping in time.
    mongo.append(records.subList(0, 7));
    mongo.append(records.subList(7, 30));
    mongo.append(records.subList(30, records.size()));
    reference.append(records);
  }

  @AfterEach
  void stopServer() {
    mongo.close();
    server.shutdownNow();
  }

  private static List<LogFilter> filters() {
    return List.of(
        LogFilter.ALL,
        new LogFilter(List.of("machine-1"), List.of(), List.of(), List.of(), LogLevel.TRACE),
        new LogFilter(List.of("machine-1*", "machine-0"), List.of(), List.of(), List.of(),
            LogLevel.TRACE),
        new LogFilter(List.of(), List.of("machine-?"), List.of(), List.of(), LogLevel.TRACE),
        new LogFilter(List.of(), List.of(), List.of("io.hactl.agent"), List.of(), LogLevel.TRACE),
        new LogFilter(List.of(), List.of(), List.of("io.hactl", "org.mongodb"),
            List.of("io.hactl.core"), LogLevel.TRACE),
        new LogFilter(List.of(), List.of(), List.of(), List.of(), LogLevel.WARNING),
        new LogFilter(List.of("machine-*"), List.of("machine-2"), List.of("io.hactl"),
            List.of("io.hactl.agent.AgentMain"), LogLevel.DEBUG));
  }

  @Test
  void storesRecordsAsTheyWere() {
    assertThat(mongo.page(LogFilter.ALL, mongo.head(), null, 1000))
        .containsExactlyElementsOf(reference.records());
  }

  @Test
  void resendingABatchStoresItOnce() {
    List<LogRecord> batch = List.of(info("machine-1", 10, 99), info("machine-1", 11, 99.5),
        info("machine-7", 0, 99));
    mongo.append(batch);
    mongo.append(batch);

    assertThat(mongo.page(LogFilter.ALL, mongo.head(), null, 1000)).hasSize(records.size() + 3);
    assertThat(mongo.lastSeq("machine-1")).isEqualTo(11);
    assertThat(mongo.lastSeq("machine-9")).isEqualTo(-1);
  }

  @Test
  void headIsEachEntitysLastSeq() {
    assertThat(mongo.head()).isEqualTo(reference.head());
    assertThat(mongo.head().lastSeq()).containsEntry("machine-12", 9L).hasSize(4);
  }

  @Test
  void everyFilterSelectsWhatItsJavaMeaningSelects() {
    for (LogFilter filter : filters()) {
      LogPosition head = reference.head();
      assertThat(mongo.newest(filter, head, 7)).as(filter.toString())
          .isEqualTo(reference.newest(filter, head, 7));
      assertThat(mongo.page(filter, head, null, 1000)).as(filter.toString())
          .isEqualTo(reference.page(filter, head, null, 1000));
      // Positions may differ: the database skips other entities' chunks without reading them.
      assertThat(mongo.beyond(filter, LogPosition.START, 1000).records()).as(filter.toString())
          .isEqualTo(reference.beyond(filter, LogPosition.START, 1000).records());
      assertThat(mongo.newest(filter, head, 0)).isEmpty();
    }
  }

  @Test
  void pagesContinueAfterTheLastRecordAcrossEqualTimes() {
    LogPosition head = mongo.head();
    List<LogRecord> paged = new ArrayList<>();
    LogRecord after = null;
    while (true) {
      List<LogRecord> page = mongo.page(LogFilter.ALL, head, after, 3);
      paged.addAll(page);
      if (page.size() < 3) {
        break;
      }
      after = page.get(page.size() - 1);
    }
    assertThat(paged).isEqualTo(reference.records());
  }

  @Test
  void positionsBoundWhatIsReadPerEntity() {
    LogPosition partial = new LogPosition(Map.of("machine-0", 4L, "machine-1", 8L));

    assertThat(mongo.page(LogFilter.ALL, partial, null, 1000))
        .isEqualTo(reference.page(LogFilter.ALL, partial, null, 1000))
        .hasSize(5 + 9);
    LogSlice beyond = mongo.beyond(LogFilter.ALL, partial, 1000);
    assertThat(beyond).isEqualTo(reference.beyond(LogFilter.ALL, partial, 1000));
    assertThat(beyond.records()).hasSize(40 - 14);
    assertThat(beyond.reached()).isEqualTo(mongo.head());
  }

  @Test
  void readingBeyondAPositionMovesPastRecordsTheFilterSkips() {
    LogFilter errors = new LogFilter(List.of(), List.of(), List.of(), List.of(), LogLevel.ERROR);

    LogSlice slice = mongo.beyond(errors, LogPosition.START, 1000);

    assertThat(slice.records()).allMatch(r -> r.level() == LogLevel.ERROR).isNotEmpty();
    assertThat(slice.reached()).isEqualTo(mongo.head());
    assertThat(mongo.beyond(errors, slice.reached(), 1000).records()).isEmpty();
  }

  @Test
  void prunesOldestChunksToFitAndRemembersWhen() {
    long total = records.stream().mapToLong(LogRecord::approximateSize).sum();
    assertThat(mongo.prune(total)).isEmpty();
    assertThat(mongo.prunedBefore()).isEmpty();

    Instant before = mongo.prune(total / 2).orElseThrow();

    List<LogRecord> kept = mongo.page(LogFilter.ALL, mongo.head(), null, 1000);
    assertThat(kept).isNotEmpty().hasSizeLessThan(records.size());
    assertThat(kept.stream().mapToLong(LogRecord::approximateSize).sum())
        .isLessThanOrEqualTo(total / 2);
    assertThat(records).filteredOn(r -> !r.time().isBefore(before)).isSubsetOf(kept);
    assertThat(mongo.prunedBefore()).contains(before);
  }
}
