package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervision of a child mongod, with shell scripts standing in for it. */
class MongodProcessTest {

  @TempDir Path dir;

  private Path script(String body) throws Exception {
    Path file = dir.resolve("mongod");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private MongodCommand command() {
    return new MongodCommand("rs", 27017, "127.0.0.1", dir.resolve("db"),
        dir.resolve("keyfile"));
  }

  @Test
  void passesMongodsFlagsAndStartsItAgainWhenItExitsUnasked() throws Exception {
    Path mongod = script("echo \"$@\"; echo refusing to start: bad dbpath; exit 100");
    try (MongodProcess process = MongodProcess.start(command(), mongod, dir.resolve("out"))) {
      await("two restarts", () -> process.exits() >= 2);

      assertThat(process.lastOutput()).isEqualTo("refusing to start: bad dbpath");
      assertThat(Files.readString(dir.resolve("out"))).contains("--replSet rs --port 27017"
          + " --bind_ip 127.0.0.1 --dbpath " + dir.resolve("db") + " --keyFile "
          + dir.resolve("keyfile"));
    }
  }

  @Test
  void closeStopsTheRunningMongodAndDoesNotStartItAgain() throws Exception {
    Path mongod = script("trap 'echo stopping; exit 0' TERM\necho ready\n"
        + "while :; do sleep 0.1; done");
    MongodProcess process = MongodProcess.start(command(), mongod, dir.resolve("out"));
    ProcessHandle child = ProcessHandle.of(process.pid()).orElseThrow();
    await("the stand-in is ready for SIGTERM", () -> readQuietly(dir.resolve("out"))
        .contains("ready"));

    process.close();

    assertThat(child.isAlive()).isFalse();
    assertThat(process.exits()).isZero();
    await("the trap ran", () -> readQuietly(dir.resolve("out")).contains("stopping"));
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static void await(String what, BooleanSupplier condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited 20s for " + what);
      }
      Thread.sleep(20);
    }
  }
}
