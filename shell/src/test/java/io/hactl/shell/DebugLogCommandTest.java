package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogBacklog;
import io.hactl.core.logs.LogBatch;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogService;
import io.hactl.core.logs.LogSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DebugLogCommandTest {

  private static final Instant T = Instant.parse("2024-05-06T15:47:09.250Z");

  /** A log service that hands out scripted batches and remembers what it was asked. */
  private static final class ScriptedLogs implements LogService {
    final List<LogRequest> requests = new ArrayList<>();
    final Deque<LogBatch> batches = new ArrayDeque<>();
    Optional<Instant> prunedBefore = Optional.empty();
    int polls;
    boolean closed;
    boolean interruptWhenDrained;

    @Override
    public LogSubscription subscribe(LogRequest request) {
      requests.add(request);
      return new LogSubscription() {
        @Override
        public LogBatch poll(Duration wait) {
          polls++;
          if (batches.isEmpty() && interruptWhenDrained) {
            // What Ctrl-C in the REPL does to a following command.
            Thread.currentThread().interrupt();
          }
          return batches.isEmpty() ? new LogBatch(List.of(), true, List.of()) : batches.poll();
        }

        @Override
        public Optional<Instant> prunedBefore() {
          return prunedBefore;
        }

        @Override
        public void close() {
          closed = true;
        }
      };
    }
  }

  private final ShellHarness shell = new ShellHarness();
  private final ScriptedLogs logs = new ScriptedLogs();

  DebugLogCommandTest() {
    shell.core.client("local").logService = logs;
  }

  private static LogRecord record(String entity, long seq, LogLevel level, String message) {
    return new LogRecord(T.plusSeconds(seq), entity, "io.hactl.agent.HeartbeatWorker", level,
        message, "HeartbeatWorker.java:40", seq);
  }

  @Test
  void printsTheNewestLinesInJujusFormatAndStopsWhenNotOnATerminal() {
    logs.batches.add(new LogBatch(List.of(record("machine-1", 0, LogLevel.INFO, "hello"),
        record("machine-0", 1, LogLevel.WARNING, "careful")), true, List.of()));

    ShellHarness.Run run = shell.run("debug-log", "--utc");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(
        "machine-1: 15:47:09 INFO io.hactl.agent.HeartbeatWorker hello\n"
            + "machine-0: 15:47:10 WARNING io.hactl.agent.HeartbeatWorker careful\n");
    LogRequest request = logs.requests.get(0);
    assertThat(request.backlog()).isEqualTo(LogBacklog.last(10));
    assertThat(request.filter()).isEqualTo(LogFilter.ALL);
    assertThat(request.controller()).isNull();
    assertThat(logs.closed).isTrue();
  }

  @Test
  void passesEveryFilterFamilyToCore() {
    ShellHarness.Run run = shell.run("debug-log", "--no-tail", "-i", "machine-1", "-i", "2",
        "-x", "machine-3*", "--include-module", "io.hactl.agent,io.hactl.core",
        "--exclude-module", "org.mongodb", "-l", "warning", "--controller", "2", "-n", "50");

    assertThat(run.exitCode()).as(run.err()).isZero();
    LogRequest request = logs.requests.get(0);
    assertThat(request.filter()).isEqualTo(new LogFilter(List.of("machine-1", "machine-2"),
        List.of("machine-3*"), List.of("io.hactl.agent", "io.hactl.core"),
        List.of("org.mongodb"), LogLevel.WARNING));
    assertThat(request.backlog()).isEqualTo(LogBacklog.last(50));
    assertThat(request.controller()).isEqualTo("2");
  }

  @Test
  void replayAsksForEverythingAndSaysWhatWasPruned() {
    logs.prunedBefore = Optional.of(T);
    logs.batches.add(new LogBatch(List.of(record("machine-1", 5, LogLevel.INFO, "kept")),
        true, List.of()));

    ShellHarness.Run run = shell.run("debug-log", "--replay", "--no-tail", "--date", "--ms",
        "--utc");

    assertThat(logs.requests.get(0).backlog()).isEqualTo(LogBacklog.everything());
    assertThat(run.out()).isEqualTo(
        "machine-1: 2024-05-06 15:47:14.250 INFO io.hactl.agent.HeartbeatWorker kept\n");
    assertThat(run.err()).isEqualTo("debug-log: records before 2024-05-06T15:47:09.250Z were"
        + " pruned (the log keeps its newest records within its size limit)\n");
  }

  @Test
  void limitShowsThatManyThenExitsEvenWhileFollowing() {
    logs.batches.add(new LogBatch(IntStream.range(0, 3)
        .mapToObj(i -> record("machine-1", i, LogLevel.INFO, "r" + i)).toList(), true,
        List.of()));
    logs.batches.add(new LogBatch(List.of(record("machine-1", 3, LogLevel.INFO, "r3")), true,
        List.of()));

    ShellHarness.Run run = shell.run("debug-log", "--limit", "2", "--tail");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(2);
    assertThat(logs.requests.get(0).backlog()).isEqualTo(LogBacklog.last(2));
  }

  @Test
  void followsUntilInterruptedPrintingNoticesOnStderr() {
    logs.batches.add(new LogBatch(List.of(), true, List.of()));
    logs.batches.add(new LogBatch(List.of(), true,
        List.of("lost controller 0 (127.0.0.1:1): gone; trying another controller")));
    logs.batches.add(new LogBatch(List.of(record("machine-1", 1, LogLevel.INFO, "after")), true,
        List.of("reading logs from controller 1 (127.0.0.1:2)")));
    logs.interruptWhenDrained = true;

    ShellHarness.Run run;
    try {
      run = shell.run("debug-log", "--tail", "--utc");
    } finally {
      Thread.interrupted();
    }

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(
        "machine-1: 15:47:10 INFO io.hactl.agent.HeartbeatWorker after\n");
    assertThat(run.err()).isEqualTo(
        "debug-log: lost controller 0 (127.0.0.1:1): gone; trying another controller\n"
            + "debug-log: reading logs from controller 1 (127.0.0.1:2)\n");
    assertThat(logs.polls).isEqualTo(4);
  }

  @Test
  void badFlagsExitWithTwo() {
    assertThat(shell.run("debug-log", "--tail", "--no-tail").err())
        .startsWith("ERROR --tail and --no-tail contradict each other; give one of them\n");
    assertThat(shell.run("debug-log", "--tail", "--no-tail").exitCode()).isEqualTo(2);
    assertThat(shell.run("debug-log", "-l", "loud").err())
        .startsWith("ERROR unknown log level \"loud\"");
    assertThat(shell.run("debug-log", "-i", "machine 1").exitCode()).isEqualTo(2);
    assertThat(shell.run("debug-log", "--include-module", "io..x").exitCode()).isEqualTo(2);
    assertThat(shell.run("debug-log", "-n", "-1").exitCode()).isEqualTo(2);
    assertThat(shell.run("debug-log", "--limit", "0").exitCode()).isEqualTo(2);
    assertThat(shell.run("debug-log", "--lines", "many").exitCode()).isEqualTo(2);
    assertThat(logs.requests).isEmpty();
  }

  @Test
  void aControllerThatIsNotOneIsBadInput() {
    shell.core.client("local").logService = request -> {
      throw HactlException.badInput("cannot read logs from controller 7: machine 7 is not a"
          + " controller; run `hactl status` to see the controllers");
    };

    ShellHarness.Run run = shell.run("debug-log", "--controller", "7");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR cannot read logs from controller 7: machine 7 is not"
        + " a controller; run `hactl status` to see the controllers\n");
  }
}
