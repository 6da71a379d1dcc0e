package io.hactl.e2e;

import static io.hactl.e2e.BootstrappedEnvironment.CONVERGE;
import static io.hactl.e2e.BootstrappedEnvironment.started;
import static io.hactl.e2e.StatusProbe.machine;
import static io.hactl.e2e.StatusProbe.pid;
import static io.hactl.e2e.StatusProbe.voteStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Backups and restores as a user runs them through ./hactl, against real agents. */
@Tag("e2e")
class BackupRestoreTest {

  @RegisterExtension final BootstrappedEnvironment env = new BootstrappedEnvironment();

  /**
   * One controller and a plain machine, for everything a single environment can show: the
   * archive's refusals, a restore into the running controller, then a restore of the destroyed
   * environment into a new one.
   */
  @Test
  void restoresIntoTheRunningControllerAndADestroyedEnvironmentFromItsBackupFile()
      throws Exception {
    env.ok("add-machine");
    JsonNode before = env.probe().await("machine 1 started", CONVERGE, s -> started(s, "1"));
    String uuid = before.path("uuid").asText();

    Path file = env.files().resolve("backup.zip");
    Hactl.Result created = env.ok("create-backup", "--filename", file.toString(), "first");
    List<String> lines = created.out().lines().toList();
    String id = lines.get(0);
    assertThat(id).matches("\\d{8}-\\d{6}\\." + uuid);
    assertThat(lines.get(1)).isEqualTo("downloaded to " + file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .as("the archive holds the replica set's key: owner only").isEqualTo("rw-------");
    assertThat(env.ok("backups").out()).contains(id).contains("first");

    byte[] bytes = Files.readAllBytes(file);
    Path flipped = env.files().resolve("flipped.zip");
    byte[] copy = bytes.clone();
    copy[bytes.length / 2] ^= 0x01;
    Files.write(flipped, copy);
    Hactl.Result corrupt = env.fails(2, "restore-backup", "-b", "-y", "--force", "--file",
        flipped.toString());
    assertThat(corrupt.err()).contains("is corrupt").contains("nothing was changed");
    Path truncated = env.files().resolve("truncated.zip");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 40));
    assertThat(env.fails(2, "restore-backup", "-y", "--force", "--file", truncated.toString())
        .err()).contains("truncated");
    assertThat(env.fails(2, "restore-backup", "-b", "-y", "--file", file.toString()).err())
        .contains("healthy").contains("--force");

    // After the backup: a machine it does not know. Restoring into the running controller
    // (no -b) is refused while healthy, then with --force the machine goes and 0 stays.
    env.ok("add-machine");
    env.probe().await("machine 2 started", CONVERGE, s -> started(s, "2"));
    assertThat(env.fails(2, "restore-backup", "-y", "--id", id).err())
        .contains("healthy").contains("--force");
    Hactl.Result inPlace = env.ok("restore-backup", "-y", "--force", "--id", id);
    assertThat(inPlace.out()).contains("restored backup " + id + " into the running"
        + " controllers").contains("controllers kept: 0").contains("machines: 0, 1");
    JsonNode restoredInPlace = env.probe().await("machine 2 gone, machines 0 and 1 running",
        CONVERGE, s -> machine(s, "2").isMissingNode() && started(s, "0") && started(s, "1"));
    assertThat(pid(restoredInPlace, "0")).as("the controller kept running")
        .isEqualTo(pid(before, "0"));
    assertThat(restoredInPlace.path("events").toString())
        .contains("into the running controllers");

    env.ok("destroy-environment", "-y");
    Hactl.Result restored = env.ok("restore-backup", "-b", "--file", file.toString());
    assertThat(restored.out()).contains("restored backup " + id)
        .contains("controller: machine 2").contains("machines: 1, 2");

    JsonNode after = env.probe().await("machine 2 the master and machine 1 recorded as down",
        CONVERGE, s -> "2".equals(s.path("master").asText())
            && "down".equals(machine(s, "1").path("agent-state").asText()));
    assertThat(after.path("uuid").asText()).isEqualTo(uuid);
    assertThat(machine(after, "0").isMissingNode()).as("the old controller is gone").isTrue();
    assertThat(machine(after, "1").path("instance-id").asText()).isEqualTo("local-machine-1");
    assertThat(voteStatus(after, "2")).isEqualTo("has-vote");
    assertThat(after.path("events").toString()).contains("restored backup " + id);
  }

  /** The seed's way to fewer controllers: backup, restore into one new controller, enable-ha. */
  @Test
  void shrinksFromFiveControllersToThreeThroughABackupAndARestore() throws Exception {
    env.ok("enable-ha", "-n", "5");
    List<String> five = List.of("0", "1", "2", "3", "4");
    env.awaitVoters(five);
    String id = env.ok("create-backup", "--no-download", "five controllers").out().lines()
        .findFirst().orElseThrow();

    assertThat(env.fails(2, "restore-backup", "-b", "-y", "--id", id).err())
        .contains("healthy").contains("--force");
    Hactl.Result restored = env.ok("restore-backup", "-b", "-y", "--force", "--id", id);
    assertThat(restored.out()).contains("restored backup " + id)
        .contains("controller: machine 5");
    JsonNode one = env.probe().await("machine 5 the only controller and the master", CONVERGE,
        s -> "5".equals(s.path("master").asText())
            && five.stream().allMatch(m -> machine(s, m).isMissingNode()));
    assertThat(one.path("ha").asText()).isEqualTo("none");

    assertThat(env.ok("enable-ha", "-n", "3").out().strip())
        .isEqualTo("maintaining machines: 5\nadding machines: 6, 7");
    JsonNode three = env.awaitVoters(List.of("5", "6", "7"));
    assertThat(three.path("ha").asText()).isEqualTo("3");
    assertThat(env.ok("backups").out()).as("the restored backup is kept").contains(id);
  }

  @Test
  void recoversFromTheLossOfQuorumAsTheSeedDescribes() throws Exception {
    env.ok("enable-ha");
    env.ok("add-machine");
    JsonNode three = env.probe().await("three voters and machine 3 started", CONVERGE,
        s -> Stream.of("0", "1", "2").allMatch(id -> "has-vote".equals(voteStatus(s, id)))
            && started(s, "3"));
    long plainPid = pid(three, "3");
    Path file = env.files().resolve("backup.zip");
    env.ok("create-backup", "--filename", file.toString());

    for (String id : List.of("1", "2")) {
      ProcessHandle.of(pid(three, id)).orElseThrow().destroyForcibly();
    }
    Hactl.Result refused = env.fails(3, "enable-ha");
    assertThat(refused.err()).as("how many are up, how many are needed, and the way out")
        .contains("only 1 of 3 voting controllers is up and 2 are needed")
        .contains("restore a backup");
    assertThat(env.fails(3, "restore-backup", "-y", "--force", "--file", file.toString())
        .err()).as("without -b there is nothing that takes writes").contains("-b");

    Hactl.Result restored = env.ok("restore-backup", "-b", "-y", "--file", file.toString());
    assertThat(restored.out()).contains("controller: machine 4").contains("reconnecting: 3");
    JsonNode back = env.probe().await("machine 4 the master and machine 3 reconnected",
        CONVERGE, s -> "4".equals(s.path("master").asText()) && started(s, "3"));
    assertThat(pid(back, "3")).as("the plain machine kept running").isEqualTo(plainPid);
    assertThat(Stream.of("0", "1", "2").allMatch(id -> machine(back, id).isMissingNode()))
        .as("the old controllers are gone").isTrue();

    env.ok("enable-ha");
    JsonNode healed = env.awaitVoters(List.of("4", "5", "6"));
    assertThat(healed.path("ha").asText()).isEqualTo("3");
  }
}
