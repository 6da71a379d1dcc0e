package io.hactl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hactl.config.HactlPaths;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogStore;
import io.hactl.core.state.LogStores;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateException;
import io.hactl.core.store.ClientStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every agent's log on every controller, read with {@code debug-log} as a user does: records of
 * a plain machine through a controller added after they were written, filters, and following
 * across the loss of the master without a gap or a duplicate.
 */
@Tag("e2e")
class DebugLogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONVERGE = Duration.ofSeconds(90);

  @TempDir Path home;
  private Hactl hactl;
  private Process follower;
  private final java.util.Set<Long> agentPids = new java.util.HashSet<>();

  @BeforeEach
  void bootstrapThreeControllersAndAPlainMachine() throws Exception {
    hactl = new Hactl(home);
    assertSucceeds(hactl.run("bootstrap"));
    assertSucceeds(hactl.run("add-machine"));
    awaitLog("machine 1's agent running, through the first controller", List.of(
        "debug-log", "--no-tail", "--replay", "-i", "machine-1"),
        out -> out.contains("agent of machine 1 running"));
    assertSucceeds(hactl.run("enable-ha", "-n", "3"));
    awaitStatus("controllers 2 and 3 voting", s -> hasVote(s, "2") && hasVote(s, "3"));
  }

  @AfterEach
  void destroy() throws Exception {
    if (follower != null) {
      follower.destroyForcibly().waitFor();
    }
    if (Files.exists(home.resolve("data/environments/local"))) {
      hactl.run("destroy-environment", "-y");
    }
    // Should the environment's files have vanished, its agents must not outlive the test.
    agentPids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
  }

  @Test
  void aControllerAddedLaterShowsRecordsWrittenBeforeItJoinedAndFiltersApply()
      throws Exception {
    for (String controller : List.of("2", "3")) {
      Hactl.Result viaNew = hactl.run("debug-log", "--no-tail", "--replay", "-i", "machine-1",
          "--controller", controller);
      assertSucceeds(viaNew);
      assertThat(viaNew.out()).contains(
          "machine-1: ", " INFO io.hactl.agent.AgentMain starting agent of machine 1",
          "INFO io.hactl.agent.AgentMain agent of machine 1 running");
      assertThat(viaNew.out().lines().filter(l -> l.matches("^[a-z0-9-]+: .*")))
          .allMatch(l -> l.startsWith("machine-1: "));
    }
    // Machine 0 logged these while it was the only controller.
    Hactl.Result early = hactl.run("debug-log", "--no-tail", "--replay", "--controller", "3",
        "-i", "machine-0", "--include-module", "io.hactl.agent.AgentMain", "--utc", "--ms");
    assertThat(early.out().lines().findFirst().orElseThrow()).matches(
        "machine-0: \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO io\\.hactl\\.agent\\.AgentMain starting"
            + " agent of machine 0 in environment local \\(controller\\)");

    Hactl.Result warnings = hactl.run("debug-log", "--no-tail", "--replay", "-l", "warning",
        "-x", "machine-0");
    assertSucceeds(warnings);
    // A record's message may span lines (a stack trace): judge each record by its first line.
    assertThat(warnings.out().lines().filter(l -> l.matches("^machine-\\d+: .*")))
        .allMatch(l -> !l.startsWith("machine-0: ")
            && (l.contains(" WARNING ") || l.contains(" ERROR ")));

    Hactl.Result lastTwo = hactl.run("debug-log", "--limit", "2", "-i", "machine-*");
    assertSucceeds(lastTwo);
    assertThat(lastTwo.out().lines()).hasSize(2);

    Hactl.Result bad = hactl.run("debug-log", "--tail", "--no-tail");
    assertThat(bad.exitCode()).isEqualTo(2);
  }

  @Test
  void followsAcrossTheLossOfTheMasterWithoutGapOrDuplicate() throws Exception {
    JsonNode status = status();
    String master = status.path("master").asText();
    long masterPid = status.path("machines").path(master).path("details").path("pid").asLong();
    List<String> members = new ArrayList<>();
    for (String id : List.of("0", "2", "3")) {
      members.add("127.0.0.1:" + status.path("machines").path(id).path("ports").path("state")
          .asInt());
    }
    Path out = home.resolve("follow.out");
    follower = startFollower(out);

    try (LogStore logs = LogStores.connect(new StateEndpoint(members, replicaSet(),
        Duration.ofSeconds(30)))) {
      // A writer of its own, numbering its records as agents do: the follower must show each
      // exactly once, before, during and after the failover. It writes until the follower,
      // which starts in a JVM of its own, shows one: that one is where following began.
      int seq = 0;
      int first = -1;
      while (first < 0) {
        writeMarker(logs, seq++);
        first = firstMarkerShown(out);
      }
      ProcessHandle.of(masterPid).orElseThrow().destroyForcibly();
      int last = seq + 40;
      while (seq <= last) {
        writeMarker(logs, seq++);
        Thread.sleep(100);
      }
      String shown = awaitFile(out, "the follower to show the last marker",
          text -> text.contains("marker " + last + " "));
      List<String> markers = shown.lines().filter(l -> l.startsWith("e2e-writer: ")).toList();
      assertThat(markers).extracting(l -> l.replaceAll(".* marker (\\d+) .*", "$1"))
          .as(shown)
          .containsExactlyElementsOf(IntStream.rangeClosed(first, last).mapToObj(String::valueOf)
              .toList());
    }

    // Whatever agents logged meanwhile (heartbeats failing and recovering, the new master's
    // election) is shown exactly once too: every replayed line within the followed span was
    // followed. Late records (agents resend their backlog once the new primary is up) may take
    // a moment, hence the wait.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<String> missing;
    List<String> followed;
    do {
      followed = Files.readString(out).lines().filter(l -> !l.isBlank()).toList();
      missing = missingFrom(followed, hactl.run("debug-log", "--no-tail", "--replay", "--utc",
          "--date", "--ms").out().lines().toList());
    } while (!missing.isEmpty() && Instant.now().isBefore(deadline));
    assertThat(followed.stream().filter(DebugLogTest::isRecord).toList())
        .doesNotHaveDuplicates();
    assertThat(missing).as("replayed lines the follower did not show").isEmpty();
    // The follower reads from a random controller (as Juju's does), so whether it lost its own
    // controller depends on that draw; when it did, it must have said so and carried on.
    String followerErrors = Files.readString(home.resolve("follow.err"));
    assertThat(followerErrors.lines().filter(l -> l.startsWith("debug-log: lost controller")))
        .allMatch(l -> l.contains("controller " + master + " "));
  }

  /** The number of the first marker the follower shows, or -1 (after waiting briefly). */
  private static int firstMarkerShown(Path out) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMillis(300));
    do {
      String text = Files.exists(out) ? Files.readString(out) : "";
      var marker = text.lines().filter(l -> l.startsWith("e2e-writer: ")).findFirst();
      if (marker.isPresent()) {
        return Integer.parseInt(marker.get().replaceAll(".* marker (\\d+) .*", "$1"));
      }
      Thread.sleep(20);
    } while (Instant.now().isBefore(deadline));
    return -1;
  }

  /** The replayed lines, within the time span the follower covered, that it did not show. */
  /**
   * Replayed lines the follower should have shown but did not. Following starts at a log
   * position, not at a time: records of different agents arrive out of time order, so a record
   * stamped after the follower's first line may have been stored before it began. Per agent,
   * though, records are stored in order, so from each agent's first followed line on, every one
   * of its later lines must have been followed.
   */
  private static List<String> missingFrom(List<String> followed, List<String> replayed) {
    java.util.Map<String, String> firstByEntity = new java.util.HashMap<>();
    followed.stream().filter(DebugLogTest::isRecord)
        .forEach(l -> firstByEntity.merge(entity(l), time(l),
            (a, b) -> a.compareTo(b) <= 0 ? a : b));
    String last = followed.stream().filter(DebugLogTest::isRecord).map(DebugLogTest::time)
        .max(String::compareTo).orElseThrow();
    return replayed.stream()
        .filter(DebugLogTest::isRecord)
        .filter(l -> firstByEntity.containsKey(entity(l)))
        .filter(l -> time(l).compareTo(firstByEntity.get(entity(l))) >= 0
            && time(l).compareTo(last) <= 0)
        .filter(l -> !followed.contains(l))
        .toList();
  }

  /** A record's first line (a multi-line message continues on lines of its own). */
  private static boolean isRecord(String line) {
    return line.matches("^[a-z0-9-]+: \\d{4}-\\d\\d-\\d\\d \\d\\d:.*");
  }

  private static String entity(String line) {
    return line.substring(0, line.indexOf(':'));
  }

  /** {@code yyyy-MM-dd HH:mm:ss.SSS} of a line shown with --date --ms. */
  private static String time(String line) {
    String[] parts = line.split(" ");
    return parts[1] + " " + parts[2];
  }

  /** Stores marker {@code seq} as an agent's forwarder would: the same batch until it is taken. */
  private static void writeMarker(LogStore logs, int seq) throws InterruptedException {
    List<LogRecord> batch = List.of(new LogRecord(Instant.now(), "e2e-writer", "e2e",
        LogLevel.INFO, "marker " + seq + " of the failover test", "", seq));
    Instant deadline = Instant.now().plus(CONVERGE);
    while (true) {
      try {
        logs.append(batch);
        return;
      } catch (StateException e) {
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private String replicaSet() {
    return new ClientStore(HactlPaths.fromEnvironment(Map.of(HactlPaths.HACTL_HOME,
        home.toString()))).environmentRecord("local").orElseThrow().replicaSet();
  }

  private Process startFollower(Path out) throws IOException {
    Path root = Path.of(System.getProperty("hactl.root", "..")).toAbsolutePath().normalize();
    ProcessBuilder builder = new ProcessBuilder(root.resolve("hactl").toString(), "debug-log",
        "--tail", "-n", "0", "--utc", "--date", "--ms")
        .directory(root.toFile())
        .redirectOutput(out.toFile())
        .redirectError(home.resolve("follow.err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().put("HACTL_HOME", home.toString());
    builder.environment().put("HACTL_SKIP_BUILD", "1");
    builder.environment().put("TERM", "dumb");
    return builder.start();
  }

  private String awaitFile(Path file, String what, Predicate<String> condition)
      throws Exception {
    Instant deadline = Instant.now().plus(CONVERGE);
    String content = "";
    while (Instant.now().isBefore(deadline)) {
      content = Files.exists(file) ? Files.readString(file) : "";
      if (condition.test(content)) {
        return content;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited " + CONVERGE.toSeconds() + "s for " + what + "; shown:\n"
        + content + "\nstderr:\n" + Files.readString(home.resolve("follow.err")));
  }

  private void awaitLog(String what, List<String> args, Predicate<String> condition)
      throws Exception {
    Instant deadline = Instant.now().plus(CONVERGE);
    Hactl.Result last = null;
    while (Instant.now().isBefore(deadline)) {
      last = hactl.run(args.toArray(String[]::new));
      if (last.exitCode() == 0 && condition.test(last.out())) {
        return;
      }
    }
    throw new AssertionError("waited for " + what + "; last: " + last);
  }

  private JsonNode status() throws Exception {
    Hactl.Result result = hactl.run("status", "--format", "json");
    assertSucceeds(result);
    return JSON.readTree(result.out());
  }

  private void awaitStatus(String what, Predicate<JsonNode> condition) throws Exception {
    Instant deadline = Instant.now().plus(CONVERGE);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      Hactl.Result result = hactl.run("status", "--format", "json");
      if (result.exitCode() == 0) {
        last = JSON.readTree(result.out());
        last.path("machines").forEach(m -> {
          long pid = m.path("details").path("pid").asLong();
          if (pid > 0) {
            agentPids.add(pid);
          }
        });
        if (condition.test(last)) {
          return;
        }
      }
    }
    throw new AssertionError("waited for " + what + "; last status: " + last);
  }

  private static boolean hasVote(JsonNode status, String id) {
    return "has-vote".equals(status.path("machines").path(id).path("member")
        .path("vote-status").asText());
  }

  private static void assertSucceeds(Hactl.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }
}
