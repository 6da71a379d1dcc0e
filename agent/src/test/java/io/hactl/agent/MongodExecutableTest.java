package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongodExecutableTest {

  @TempDir Path dir;

  private Path file(String folder, String name, String permissions) throws Exception {
    Path parent = Files.createDirectories(dir.resolve(folder));
    Path file = Files.writeString(parent.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void findsABareNameOnThePathAsAShellWould() throws Exception {
    file("first", "mongod", "rw-------");
    Path second = file("second", "mongod", "rwx------");
    String path = dir.resolve("missing") + File.pathSeparator + dir.resolve("first")
        + File.pathSeparator + dir.resolve("second");

    assertThat(MongodExecutable.resolve("mongod", path)).contains(second);
    assertThat(MongodExecutable.resolve("mongod", dir.resolve("first").toString())).isEmpty();
    assertThat(MongodExecutable.resolve("mongod", null)).isEmpty();
  }

  @Test
  void takesAPathAsItIsWhenItIsExecutable() throws Exception {
    Path mongod = file("opt", "mongod-7.0", "rwx------");
    assertThat(MongodExecutable.resolve(mongod.toString(), "")).contains(mongod);
    assertThat(MongodExecutable.resolve(dir.resolve("opt/none").toString(), "")).isEmpty();
    assertThat(MongodExecutable.resolve(dir.toString() + "/", "")).as("a folder").isEmpty();
  }

  @Test
  void saysInOneLineWhatIsMissingWhyAndWhatToDo() {
    String onPath = MongodExecutable.missing("mongod", "0");
    assertThat(onPath).doesNotContain("\n")
        .startsWith("cannot start the mongod of machine 0: no executable mongod on PATH")
        .contains("MongoDB 4.4").contains("mongod-path");
    assertThat(MongodExecutable.missing("/opt/m/mongod", "3"))
        .contains("no executable file /opt/m/mongod");
  }
}
