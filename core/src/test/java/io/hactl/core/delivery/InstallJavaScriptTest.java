package io.hactl.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hactl.config.ControllerDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user data's Java step, run with bash on a PATH the test assembles: this JVM's own
 * {@code java} (17 or newer), or none, and an {@code apt-get} that only records how it was called.
 */
class InstallJavaScriptTest {

  @TempDir
  Path dir;

  private Path bin;
  private Path aptLog;

  @BeforeEach
  void tools() throws IOException {
    bin = Files.createDirectories(dir.resolve("bin"));
    aptLog = dir.resolve("apt-get.log");
    for (String tool : new String[] {"sed", "head"}) {
      wrapper(tool, "exec '" + Path.of("/usr/bin", tool) + "' \"$@\"");
    }
  }

  private void wrapper(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  private void fakeAptGet() throws IOException {
    wrapper("apt-get", "echo \"$*\" >> '" + aptLog + "'");
  }

  private static String script() throws IOException {
    UserData data = CloudInitRenderer.render(DeliveryFixtures.plainMachine("2"), 0,
        ControllerDb.EMBEDDED, DeliveryFixtures.source());
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(data.text());
    return StreamSupport.stream(root.get("write_files").spliterator(), false)
        .filter(f -> f.get("path").asText().equals("/var/lib/hactl/bin/install-java.sh"))
        .findFirst().orElseThrow().get("content").asText();
  }

  private record Run(int exit, String output) {}

  private Run run() throws IOException, InterruptedException {
    Path file = dir.resolve("install-java.sh");
    Files.writeString(file, script());
    ProcessBuilder builder = new ProcessBuilder("/bin/bash", file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().put("PATH", bin.toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void keepsAPresentJava17AndInstallsNothing() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    wrapper("java", "exec '" + java + "' \"$@\"");
    fakeAptGet();

    Run run = run();

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(aptLog).doesNotExist();
  }

  @Test
  void installsTheDebianPackageWhenJavaIsAbsent() throws Exception {
    fakeAptGet();

    Run run = run();

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(Files.readAllLines(aptLog)).containsExactly("update -q",
        "install -y -q --no-install-recommends openjdk-17-jre-headless");
  }

  @Test
  void replacesAnOlderJava() throws Exception {
    wrapper("java", "echo '    java.specification.version = 11' >&2");
    fakeAptGet();

    Run run = run();

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(Files.readAllLines(aptLog)).contains(
        "install -y -q --no-install-recommends openjdk-17-jre-headless");
  }

  @Test
  void failsSayingWhyWithoutJavaOrApt() throws Exception {
    Run run = run();

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("no Java 17 and no apt-get to install it; use an image"
        + " with Java 17");
  }
}
