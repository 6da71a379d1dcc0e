package io.hactl.e2e;

import static io.hactl.e2e.StatusProbe.machine;
import static io.hactl.e2e.StatusProbe.pid;
import static io.hactl.e2e.StatusProbe.voteStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups and restores as a user runs them through ./hactl, against real agents. */
@Tag("e2e")
class BackupRestoreTest {

  private static final Duration CONVERGE = Duration.ofSeconds(90);

  @TempDir Path home;
  @TempDir Path files;
  private Hactl hactl;
  private StatusProbe probe;

  @BeforeEach
  void bootstrap() throws Exception {
    hactl = new Hactl(home);
    probe = new StatusProbe(hactl);
    Hactl.Result bootstrap = hactl.run("bootstrap");
    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isZero();
  }

  @AfterEach
  void destroy() throws Exception {
    if (Files.exists(home.resolve("data/environments/local"))) {
      hactl.run("destroy-environment", "-y");
    }
  }

  @Test
  void restoresADestroyedEnvironmentFromItsBackupFileWithItsMachineRecords() throws Exception {
    assertThat(hactl.run("add-machine").exitCode()).isZero();
    JsonNode before = probe.await("machine 1 started", CONVERGE,
        s -> "started".equals(machine(s, "1").path("agent-state").asText()));
    String uuid = before.path("uuid").asText();

    Path file = files.resolve("backup.zip");
    Hactl.Result created = hactl.run("create-backup", "--filename", file.toString(), "first");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    List<String> lines = created.out().lines().toList();
    String id = lines.get(0);
    assertThat(id).matches("\\d{8}-\\d{6}\\." + uuid);
    assertThat(lines.get(1)).isEqualTo("downloaded to " + file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .as("the archive holds the replica set's key: owner only").isEqualTo("rw-------");
    assertThat(hactl.run("backups").out()).contains(id).contains("first");

    byte[] bytes = Files.readAllBytes(file);
    Path flipped = files.resolve("flipped.zip");
    byte[] copy = bytes.clone();
    copy[bytes.length / 2] ^= 0x01;
    Files.write(flipped, copy);
    Hactl.Result corrupt = hactl.run("restore-backup", "-b", "-y", "--force", "--file",
        flipped.toString());
    assertThat(corrupt.exitCode()).as(corrupt.toString()).isEqualTo(2);
    assertThat(corrupt.err()).contains("is corrupt").contains("nothing was changed");
    Path truncated = files.resolve("truncated.zip");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 40));
    Hactl.Result cut = hactl.run("restore-backup", "-b", "-y", "--file", truncated.toString());
    assertThat(cut.exitCode()).as(cut.toString()).isEqualTo(2);
    assertThat(cut.err()).contains("truncated");
    Hactl.Result healthy = hactl.run("restore-backup", "-b", "-y", "--file", file.toString());
    assertThat(healthy.exitCode()).as(healthy.toString()).isEqualTo(2);
    assertThat(healthy.err()).contains("healthy").contains("--force");
    assertThat(pid(probe.status(), "0")).as("nothing was stopped").isEqualTo(pid(before, "0"));

    assertThat(hactl.run("destroy-environment", "-y").exitCode()).isZero();
    Hactl.Result restored = hactl.run("restore-backup", "-b", "--file", file.toString());
    assertThat(restored.exitCode()).as(restored.toString()).isZero();
    assertThat(restored.out()).contains("restored backup " + id)
        .contains("controller: machine 2").contains("machines: 1, 2");

    JsonNode after = probe.await("machine 2 the master and machine 1 recorded as down",
        CONVERGE, s -> "2".equals(s.path("master").asText())
            && "down".equals(machine(s, "1").path("agent-state").asText()));
    assertThat(after.path("uuid").asText()).isEqualTo(uuid);
    assertThat(machine(after, "0").isMissingNode()).as("the old controller is gone").isTrue();
    assertThat(machine(after, "1").path("instance-id").asText()).isEqualTo("local-machine-1");
    assertThat(voteStatus(after, "2")).isEqualTo("has-vote");
    assertThat(after.path("events").toString()).contains("restored backup " + id);
  }

  @Test
  void recoversFromTheLossOfQuorumAsTheSeedDescribes() throws Exception {
    assertThat(hactl.run("enable-ha").exitCode()).isZero();
    assertThat(hactl.run("add-machine").exitCode()).isZero();
    JsonNode three = probe.await("three voters and machine 3 started", CONVERGE,
        s -> Stream.of("0", "1", "2").allMatch(id -> "has-vote".equals(voteStatus(s, id)))
            && "started".equals(machine(s, "3").path("agent-state").asText()));
    long plainPid = pid(three, "3");
    Path file = files.resolve("backup.zip");
    Hactl.Result created = hactl.run("create-backup", "--filename", file.toString());
    assertThat(created.exitCode()).as(created.toString()).isZero();

    for (String id : List.of("1", "2")) {
      ProcessHandle.of(pid(three, id)).orElseThrow().destroyForcibly();
    }
    Hactl.Result refused = hactl.run("enable-ha");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
    assertThat(refused.err()).contains("restore");

    Hactl.Result restored = hactl.run("restore-backup", "-b", "-y", "--file", file.toString());
    assertThat(restored.exitCode()).as(restored.toString()).isZero();
    assertThat(restored.out()).contains("controller: machine 4").contains("reconnecting: 3");
    JsonNode back = probe.await("machine 4 the master and machine 3 reconnected", CONVERGE,
        s -> "4".equals(s.path("master").asText())
            && "started".equals(machine(s, "3").path("agent-state").asText()));
    assertThat(pid(back, "3")).as("the plain machine kept running").isEqualTo(plainPid);
    assertThat(Stream.of("0", "1", "2").allMatch(id -> machine(back, id).isMissingNode()))
        .as("the old controllers are gone").isTrue();

    Hactl.Result grow = hactl.run("enable-ha");
    assertThat(grow.exitCode()).as(grow.toString()).isZero();
    JsonNode healed = probe.await("three voting controllers again", CONVERGE,
        s -> Stream.of("4", "5", "6").allMatch(id -> "has-vote".equals(voteStatus(s, id))));
    assertThat(healed.path("ha").asText()).isEqualTo("3");
  }
}
