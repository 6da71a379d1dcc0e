package io.hactl.core.logs.internal;

import static io.hactl.core.logs.Records.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogBacklog;
import io.hactl.core.logs.LogBatch;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogStore;
import io.hactl.core.logs.LogSubscription;
import io.hactl.core.testing.InMemoryLogStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DefaultLogSubscriptionTest {

  /** Three controllers, each a view of the same replicated log. */
  private final InMemoryLogStore log = new InMemoryLogStore();
  private final Map<LogSource.Member, InMemoryLogStore> members = new LinkedHashMap<>();
  private final List<String> opened = new ArrayList<>();
  private final LogSource source = new LogSource() {
    @Override
    public List<Member> members() {
      return List.copyOf(members.keySet());
    }

    @Override
    public LogStore open(Member member) {
      opened.add(member.machineId());
      return members.get(member);
    }
  };

  DefaultLogSubscriptionTest() {
    for (String id : List.of("0", "1", "2")) {
      members.put(new LogSource.Member(id, "127.0.0.1:3701" + id), log.view());
    }
  }

  private InMemoryLogStore member(String id) {
    return members.entrySet().stream().filter(e -> e.getKey().machineId().equals(id))
        .findFirst().orElseThrow().getValue();
  }

  private LogSubscription subscribe(LogBacklog backlog, String controller) throws HactlException {
    return new DefaultLogService(source, new Random(7))
        .subscribe(new LogRequest(LogFilter.ALL, backlog, controller));
  }

  private void write(String entity, int fromSeq, int count, double at) {
    List<LogRecord> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(info(entity, fromSeq + i, at + i * 0.001));
    }
    log.append(batch);
  }

  @Test
  void showsTheLastLinesThenOnlyNewRecords() throws Exception {
    write("machine-0", 0, 20, 0);
    write("machine-1", 0, 5, 1);
    try (LogSubscription logs = subscribe(LogBacklog.last(3), null)) {
      LogBatch first = logs.poll(Duration.ZERO);
      assertThat(first.caughtUp()).isTrue();
      assertThat(first.records()).extracting(LogRecord::entity, LogRecord::seq).containsExactly(
          org.assertj.core.groups.Tuple.tuple("machine-1", 2L),
          org.assertj.core.groups.Tuple.tuple("machine-1", 3L),
          org.assertj.core.groups.Tuple.tuple("machine-1", 4L));
      assertThat(logs.poll(Duration.ZERO).records()).isEmpty();

      write("machine-0", 20, 2, 5);
      assertThat(logs.poll(Duration.ZERO).records()).extracting(LogRecord::seq)
          .containsExactly(20L, 21L);
    }
  }

  @Test
  void replaysEverythingInPagesBeforeFollowing() throws Exception {
    write("machine-0", 0, 2500, 0);
    try (LogSubscription logs = subscribe(LogBacklog.everything(), null)) {
      List<LogRecord> seen = new ArrayList<>();
      LogBatch batch;
      do {
        batch = logs.poll(Duration.ZERO);
        seen.addAll(batch.records());
      } while (!batch.caughtUp());
      assertThat(seen).isEqualTo(log.records());
      write("machine-0", 2500, 1, 10);
      assertThat(logs.poll(Duration.ZERO).records()).extracting(LogRecord::seq)
          .containsExactly(2500L);
    }
  }

  @Test
  void followsAcrossTheFailureOfTheControllerReadWithNoGapAndNoDuplicate() throws Exception {
    write("machine-1", 0, 10, 0);
    List<LogRecord> seen = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    try (LogSubscription logs = subscribe(LogBacklog.everything(), null)) {
      seen.addAll(logs.poll(Duration.ZERO).records());
      for (int round = 0; round < 6; round++) {
        write("machine-1", 10 + round * 10, 10, 10 + round);
        write("machine-2", round * 10, 10, 10 + round);
        // The member read from dies; agents keep writing through the new primary meanwhile.
        member(opened.get(opened.size() - 1)).unreachable = true;
        for (int poll = 0; poll < 4; poll++) {
          LogBatch batch = logs.poll(Duration.ZERO);
          seen.addAll(batch.records());
          notices.addAll(batch.notices());
        }
        members.values().forEach(m -> m.unreachable = false);
      }
      LogBatch last = logs.poll(Duration.ZERO);
      seen.addAll(last.records());
    }
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsExactlyInAnyOrderElementsOf(log.records());
    assertThat(opened).hasSizeGreaterThanOrEqualTo(7);
    assertThat(notices).anyMatch(n -> n.startsWith("lost controller "));
    assertThat(notices).anyMatch(n -> n.startsWith("reading logs from controller "));
  }

  @Test
  void deliversRecordsThatArriveLateWithOldTimestamps() throws Exception {
    write("machine-1", 0, 5, 100);
    try (LogSubscription logs = subscribe(LogBacklog.none(), null)) {
      assertThat(logs.poll(Duration.ZERO).records()).isEmpty();
      // An agent that was cut off sends its backlog: older than everything shown.
      write("machine-3", 0, 3, 1);
      write("machine-1", 5, 1, 101);

      List<LogRecord> fresh = logs.poll(Duration.ZERO).records();

      assertThat(fresh).extracting(LogRecord::entity)
          .containsExactly("machine-3", "machine-3", "machine-3", "machine-1");
    }
  }

  @Test
  void appliesTheFilterToBacklogAndNewRecords() throws Exception {
    write("machine-1", 0, 5, 0);
    write("machine-2", 0, 5, 0);
    LogRequest request = new LogRequest(new LogFilter(List.of("machine-2"), List.of(),
        List.of(), List.of(), LogLevel.INFO), LogBacklog.last(2), null);
    try (LogSubscription logs = new DefaultLogService(source, new Random(1)).subscribe(request)) {
      assertThat(logs.poll(Duration.ZERO).records()).extracting(LogRecord::entity)
          .containsOnly("machine-2").hasSize(2);
      write("machine-1", 5, 3, 9);
      write("machine-2", 5, 1, 9);
      assertThat(logs.poll(Duration.ZERO).records()).extracting(LogRecord::entity, LogRecord::seq)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("machine-2", 5L));
    }
  }

  @Test
  void readsOnlyTheNamedControllerAndRetriesItWhenItFails() throws Exception {
    write("machine-1", 0, 1, 0);
    try (LogSubscription logs = subscribe(LogBacklog.last(10), "2")) {
      logs.poll(Duration.ZERO);
      member("2").failNext = 1;
      LogBatch failed = logs.poll(Duration.ZERO);
      assertThat(failed.notices()).singleElement().asString()
          .startsWith("lost controller 2 (127.0.0.1:37012)").endsWith("trying it again");
      write("machine-1", 1, 1, 1);
      assertThat(logs.poll(Duration.ZERO).records()).hasSize(1);
    }
    assertThat(opened).containsOnly("2");
  }

  @Test
  void refusesAMachineThatIsNotAController() {
    assertThatThrownBy(() -> subscribe(LogBacklog.none(), "7"))
        .isInstanceOf(HactlException.class)
        .hasMessage("cannot read logs from controller 7: machine 7 is not a controller; run"
            + " `hactl status` to see the controllers")
        .extracting(e -> ((HactlException) e).kind()).isEqualTo(HactlException.Kind.BAD_INPUT);
  }

  @Test
  void failsWhenNoControllerAnswersWhileReadingTheBacklog() throws Exception {
    members.values().forEach(m -> m.unreachable = true);
    try (LogSubscription logs = subscribe(LogBacklog.last(10), null)) {
      assertThatThrownBy(() -> IntStream.range(0, 20).forEach(i -> poll(logs)))
          .cause().isInstanceOf(HactlException.class).hasMessageStartingWith("cannot read logs of the environment: no controller"
              + " answered");
    }
  }

  @Test
  void reportsWhenRecordsWerePruned() throws Exception {
    write("machine-1", 0, 100, 0);
    var before = log.prune(20 * info("machine-1", 0, 0).approximateSize());
    try (LogSubscription logs = subscribe(LogBacklog.everything(), null)) {
      assertThat(logs.prunedBefore()).isEmpty();
      logs.poll(Duration.ZERO);
      assertThat(logs.prunedBefore()).isEqualTo(before).isPresent();
    }
  }

  private static void poll(LogSubscription logs) {
    try {
      logs.poll(Duration.ZERO);
    } catch (HactlException e) {
      throw new IllegalStateException(e);
    }
  }
}
