package io.hactl.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hactl.config.ControllerDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered units checked by {@code systemd-analyze verify} (runs without systemd as PID 1).
 * The agent's launcher only exists once the distribution is unpacked, so its unit is checked
 * with {@code /bin/true} in its place: every other line is verified as written.
 */
class SystemdUnitVerifyTest {

  private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

  @TempDir
  Path dir;

  private static String unit(JsonNode root, String name) {
    return StreamSupport.stream(root.get("write_files").spliterator(), false)
        .filter(f -> f.get("path").asText().equals("/etc/systemd/system/" + name))
        .findFirst().orElseThrow().get("content").asText();
  }

  private String verify(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    Process process = new ProcessBuilder(ANALYZE.toString(), "verify", "--man=no",
        file.toString()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void agentAndMongodUnitsAreValidForSystemd() throws Exception {
    assumeTrue(Files.isExecutable(ANALYZE), "skipped: systemd-analyze is not installed here");
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(CloudInitRenderer.render(
        DeliveryFixtures.controller("0"), 37017, ControllerDb.MONGOD,
        DeliveryFixtures.source()).text());

    verify("hactl-mongod.service", unit(root, "hactl-mongod.service"));
    String agent = unit(root, "hactl-agent.service");
    assertThat(agent).contains("ExecStart=" + MachinePaths.LAUNCHER + " ");
    verify("hactl-agent.service", agent.replace("ExecStart=" + MachinePaths.LAUNCHER + " ",
        "ExecStart=/bin/true "));
  }
}
