package io.hactl.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hactl.config.ControllerDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the fetch-and-verify script exactly as the user data writes it, with bash, against the
 * distribution endpoint on 127.0.0.1 serving a real tarball. The script's folders are pointed at
 * a temporary directory through its documented HACTL_LIB / HACTL_OPT overrides.
 */
class FetchAgentScriptTest {

  @TempDir
  Path dir;

  private Path lib;
  private Path opt;

  @BeforeEach
  void folders() throws IOException {
    lib = Files.createDirectories(dir.resolve("lib"));
    opt = Files.createDirectories(dir.resolve("opt"));
  }

  private record Run(int exit, String stderr) {}

  /** The script as cloud-init would write it: taken from the rendered, parsed user data. */
  private static String scriptFor(AgentSource source) throws IOException {
    UserData data = CloudInitRenderer.render(DeliveryFixtures.controller("1"), 37017,
        ControllerDb.EMBEDDED, source);
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(data.text());
    return StreamSupport.stream(root.get("write_files").spliterator(), false)
        .filter(f -> f.get("path").asText().equals("/var/lib/hactl/bin/fetch-agent.sh"))
        .findFirst().orElseThrow().get("content").asText();
  }

  private Run run(String script) throws IOException, InterruptedException {
    return run(script, null);
  }

  /** @param path the PATH the script sees, or null for this process's */
  private Run run(String script, String path) throws IOException, InterruptedException {
    Path file = dir.resolve("fetch-agent.sh");
    Files.writeString(file, script);
    ProcessBuilder builder = new ProcessBuilder("bash", file.toString())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("HACTL_LIB", lib.toString());
    builder.environment().put("HACTL_OPT", opt.toString());
    builder.environment().put("HACTL_FETCH_ROUNDS", "1");
    builder.environment().put("HACTL_FETCH_PAUSE", "0");
    if (path != null) {
      builder.environment().put("PATH", path);
    }
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("script finished").isTrue();
    return new Run(process.exitValue(),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void downloadsVerifiesAndUnpacksTheDistribution() throws Exception {
    DistributionTarball tarball = DistributionTarball.of(TestTarballs.distribution(dir, "good"));
    try (DistributionServer server = DistributionServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tarball)) {
      Run run = run(scriptFor(new AgentSource(List.of(url(server)), tarball.sha256())));

      assertThat(run.exit()).as(run.stderr()).isZero();
      assertThat(opt.resolve("agent/bin/hactl-agent")).isExecutable();
      assertThat(opt.resolve("agent/lib/marker.txt")).hasContent("good");
      assertThat(DistributionTarball.sha256(lib.resolve("hactl-agent.tar.gz")))
          .isEqualTo(tarball.sha256());
      assertThat(run.stderr()).contains("installed in " + opt + "/agent");
    }
  }

  @Test
  void refusesAFileWithAnotherChecksumAndUnpacksNothing() throws Exception {
    DistributionTarball served = DistributionTarball.of(TestTarballs.distribution(dir, "evil"));
    String expected = "0".repeat(64);
    try (DistributionServer server = DistributionServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), served)) {
      Run run = run(scriptFor(new AgentSource(List.of(url(server)), expected)));

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.stderr())
          .contains("refusing the distribution from " + url(server) + ": its SHA-256 is "
              + served.sha256() + ", expected " + expected)
          .contains("cannot start the hactl agent: no source served a distribution with"
              + " SHA-256 " + expected);
      assertThat(opt.resolve("agent")).doesNotExist();
      assertThat(lib.resolve("hactl-agent.tar.gz")).doesNotExist();
      assertThat(lib.resolve("hactl-agent.tar.gz.part")).doesNotExist();
    }
  }

  @Test
  void triesTheNextControllerWhenOneDoesNotAnswer() throws Exception {
    DistributionTarball tarball = DistributionTarball.of(TestTarballs.distribution(dir, "second"));
    URI dead = URI.create("http://127.0.0.1:" + closedPort() + "/hactl-agent.tar.gz");
    try (DistributionServer server = DistributionServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tarball)) {
      Run run = run(scriptFor(new AgentSource(List.of(dead, url(server)), tarball.sha256())));

      assertThat(run.exit()).as(run.stderr()).isZero();
      assertThat(run.stderr()).contains("cannot download " + dead);
      assertThat(opt.resolve("agent/lib/marker.txt")).hasContent("second");
    }
  }

  @Test
  void replacesAnEarlierInstallationWhole() throws Exception {
    Files.createDirectories(opt.resolve("agent/lib"));
    Files.writeString(opt.resolve("agent/lib/stale.jar"), "old");
    DistributionTarball tarball = DistributionTarball.of(TestTarballs.distribution(dir, "new"));
    try (DistributionServer server = DistributionServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tarball)) {
      Run run = run(scriptFor(new AgentSource(List.of(url(server)), tarball.sha256())));

      assertThat(run.exit()).as(run.stderr()).isZero();
      assertThat(opt.resolve("agent/lib/stale.jar")).doesNotExist();
      assertThat(opt.resolve("agent/lib/marker.txt")).hasContent("new");
    }
  }

  /**
   * Minimal images (Debian's debootstrap minbase with cloud-init) have neither curl nor wget:
   * the script then downloads with python3, which cloud-init itself runs on.
   */
  @Test
  void downloadsWithPython3WhenNeitherCurlNorWgetIsInstalled() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : List.of("bash", "sha256sum", "cut", "mv", "rm", "mkdir", "mktemp", "tar",
        "gzip", "sleep", "rmdir", "cat", "python3")) {
      // A wrapper rather than a symbolic link, which JUnit warns about when it cleans up.
      Path wrapper = bin.resolve(tool);
      Files.writeString(wrapper, "#!/bin/sh\nexec '" + which(tool) + "' \"$@\"\n");
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    }
    DistributionTarball tarball = DistributionTarball.of(TestTarballs.distribution(dir, "py"));
    try (DistributionServer server = DistributionServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tarball)) {
      Run run = run(scriptFor(new AgentSource(List.of(url(server)), tarball.sha256())),
          bin.toString());

      assertThat(run.exit()).as(run.stderr()).isZero();
      assertThat(opt.resolve("agent/lib/marker.txt")).hasContent("py");
    }
  }

  /** The real executable of {@code tool} (python3 resolved past version-manager shims). */
  private static Path which(String tool) throws IOException, InterruptedException {
    String[] command = tool.equals("python3")
        ? new String[] {"python3", "-c", "import sys; print(sys.executable)"}
        : new String[] {"bash", "-c", "command -v " + tool};
    Process process = new ProcessBuilder(command).start();
    String found = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .strip();
    assertThat(process.waitFor()).as("%s is installed", tool).isZero();
    return Path.of(found).toRealPath();
  }

  private static URI url(DistributionServer server) {
    return AgentSource.controllerUrl("127.0.0.1", server.address().getPort());
  }

  /** A loopback port nothing listens on: bound, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
