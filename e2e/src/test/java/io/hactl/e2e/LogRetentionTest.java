package io.hactl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.config.HactlPaths;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogStore;
import io.hactl.core.state.LogStores;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.store.ClientStore;
import io.hactl.core.store.EnvironmentRecordFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code log-retention-mb} bounds the replicated log, and debug-log says what is gone. */
@Tag("e2e")
class LogRetentionTest {

  private static final Duration PRUNED_WITHIN = Duration.ofSeconds(90);

  @TempDir Path home;
  private Hactl hactl;

  @AfterEach
  void destroy() throws Exception {
    if (Files.exists(home.resolve("data/environments/local"))) {
      hactl.run("destroy-environment", "-y");
    }
  }

  @Test
  void theMasterPrunesTheOldestRecordsBeyondTheLimitAndDebugLogSaysSo() throws Exception {
    Files.writeString(home.resolve("environments.yaml"), """
        environments:
          local:
            type: local
            log-retention-mb: 1
        """);
    hactl = new Hactl(home);
    Hactl.Result bootstrap = hactl.run("bootstrap");
    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isZero();

    // About 2 MB, in batches as an agent sends them.
    EnvironmentRecordFile record = new ClientStore(HactlPaths.fromEnvironment(
        Map.of(HactlPaths.HACTL_HOME, home.toString()))).environmentRecord("local").orElseThrow();
    String filler = "x".repeat(1000);
    try (LogStore logs = LogStores.connect(new StateEndpoint(record.stateAddresses(),
        record.replicaSet(), Duration.ofSeconds(30)))) {
      for (int batch = 0; batch < 4; batch++) {
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          int seq = batch * 500 + i;
          records.add(new LogRecord(Instant.now(), "e2e-writer", "e2e", LogLevel.INFO,
              "record " + seq + " " + filler, "", seq));
        }
        logs.append(records);
      }
    }

    Instant deadline = Instant.now().plus(PRUNED_WITHIN);
    Hactl.Result replay;
    do {
      replay = hactl.run("debug-log", "--replay", "--no-tail", "-i", "e2e-writer");
    } while (!replay.err().contains("were pruned") && Instant.now().isBefore(deadline));

    assertThat(replay.exitCode()).as(replay.toString()).isZero();
    assertThat(replay.err()).as(replay.toString()).containsPattern(
        "debug-log: records before \\S+ were pruned");
    assertThat(replay.out()).doesNotContain("record 0 ").contains("record 1999 ");
    assertThat(replay.out().length()).isLessThan(1024 * 1024);
  }
}
