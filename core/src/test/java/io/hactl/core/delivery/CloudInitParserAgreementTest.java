package io.hactl.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hactl.config.ControllerDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the rendered user data with PyYAML's {@code safe_load}, the parser cloud-init itself
 * uses, so that what Jackson writes means the same there: modes stay strings cloud-init reads
 * as octal, the runcmd order is kept, the scripts arrive byte for byte. Runs where the system
 * python has PyYAML (Debian: python3-yaml, a cloud-init dependency); says so when it is skipped.
 */
class CloudInitParserAgreementTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @TempDir
  Path dir;

  private static final String CHECK = """
      import sys, yaml
      text = open(sys.argv[1]).read()
      assert text.splitlines()[0] == "#cloud-config", "header"
      data = yaml.safe_load(text)
      modes = {f["path"]: f["permissions"] for f in data["write_files"]}
      for path, mode in sorted(modes.items()):
          assert isinstance(mode, str), (path, mode)
          print("mode", path, oct(int(mode, 8)))
      for command in data["runcmd"]:
          print("run", command if isinstance(command, str) else " ".join(command))
      fetch = [f for f in data["write_files"] if f["path"].endswith("fetch-agent.sh")][0]
      open(sys.argv[2], "w").write(fetch["content"])
      """;

  @Test
  void cloudInitsParserReadsTheSameModesCommandsAndScripts() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c",
        "import yaml").start().waitFor() == 0, "skipped: /usr/bin/python3 with PyYAML is not"
        + " installed here (Debian package python3-yaml)");
    AgentSource source = DeliveryFixtures.source();
    Path userData = dir.resolve("user-data");
    Files.writeString(userData, CloudInitRenderer.render(DeliveryFixtures.controller("0"),
        37017, ControllerDb.MONGOD, source).text());
    Path check = dir.resolve("check.py");
    Files.writeString(check, CHECK);
    Path fetch = dir.resolve("fetch.sh");

    Process python = new ProcessBuilder(PYTHON.toString(), check.toString(), userData.toString(),
        fetch.toString()).redirectErrorStream(true).start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(python.exitValue()).as(out).isZero();
    assertThat(out).contains("mode /var/lib/hactl/agent/agent.yaml 0o600",
        "mode /var/lib/hactl/bin/fetch-agent.sh 0o700",
        "mode /var/lib/hactl/mongod/keyfile 0o400",
        "mode /etc/systemd/system/hactl-agent.service 0o644");
    assertThat(out.lines().filter(line -> line.startsWith("run ")).toList()).containsExactly(
        "run set -e",
        "run bash /var/lib/hactl/bin/install-java.sh",
        "run bash /var/lib/hactl/bin/fetch-agent.sh",
        "run systemctl daemon-reload",
        "run sh -c command -v mongod >/dev/null || { echo 'hactl: controller-db: mongod needs"
            + " mongod installed on the image' >&2; exit 1; }",
        "run systemctl enable --now hactl-mongod.service",
        "run systemctl enable --now hactl-agent.service");
    assertThat(Files.readString(fetch)).isEqualTo(CloudInitRenderer.fetchScript(source));
  }
}
