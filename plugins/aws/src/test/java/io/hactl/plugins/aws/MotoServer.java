package io.hactl.plugins.aws;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code moto_server} (moto 5, shipped with this machine image's Python) on a free port of
 * 127.0.0.1, started once for the whole test run and stopped when JUnit closes its root store
 * (which closes AutoCloseable values). Its state is cleared with {@code POST /moto-api/reset}.
 * When moto_server cannot be found the tests fail, saying where they looked: they never fall back
 * to anything else.
 *
 * <p>moto's images come from {@code moto-amis.json} (two Amazon Linux AMIs, see {@link
 * Fixtures}) instead of its catalogue of about 1200, which it would rebuild after every reset.
 */
final class MotoServer implements AutoCloseable {
  /** A system property naming the moto_server executable, when it is not on PATH. */
  static final String EXECUTABLE = "hactl.moto-server";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** The loopback URL of the server, e.g. {@code http://127.0.0.1:41234}. */
  URI endpoint() {
    return endpoint;
  }

  static MotoServer start() throws IOException, InterruptedException {
    List<Path> candidates = candidates();
    Path executable = candidates.stream()
        .filter(path -> Files.isRegularFile(path) && Files.isExecutable(path))
        .findFirst()
        .orElseGet(() -> fail("moto_server not found (looked at " + candidates + "): the aws"
            + " provider's tests need moto 5's server, which this machine image ships with its"
            + " preinstalled Python (pyenv); put it on PATH or name it with -D" + EXECUTABLE));
    Path amis = Files.createTempFile("hactl-aws-moto-amis-", ".json");
    amis.toFile().deleteOnExit();
    try (InputStream in = MotoServer.class.getResourceAsStream("/moto-amis.json")) {
      Files.write(amis, in.readAllBytes());
    }
    IOException lastFailure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path log = Files.createTempFile("hactl-aws-moto-", ".log");
      ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1",
          "-p", Integer.toString(port))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("MOTO_AMIS_PATH", amis.toString());
      Process process = builder.start();
      MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
      try {
        server.awaitReady();
        return server;
      } catch (IOException e) {
        // Most likely the port was taken between our probe and moto's bind: try another.
        server.close();
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  /** Clears every resource moto holds, so each test starts from moto's initial state. */
  void reset() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            endpoint.resolve("/moto-api/reset"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("moto_server at " + endpoint + " answered " + response.statusCode()
          + " to POST /moto-api/reset: " + response.body());
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String lastSeen = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("moto_server exited with code " + process.exitValue()
            + " before answering on " + endpoint + "; its output: " + tail());
      }
      try {
        reset();
        return;
      } catch (IOException e) {
        lastSeen = e.toString();
      }
      // Polling a process we do not control; it answers within ~2 s on these machines.
      Thread.sleep(100);
    }
    throw new IOException("moto_server did not answer POST /moto-api/reset on " + endpoint
        + " within " + START_TIMEOUT.toSeconds() + " s; last seen: " + lastSeen
        + "; its output: " + tail());
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // Only a temporary log file.
    }
  }

  private String tail() {
    try {
      String text = Files.readString(log);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /**
   * Where moto_server may be, in order: the {@value #EXECUTABLE} system property, every PATH
   * folder, then pyenv's shims (a CI job with a bare environment has no pyenv on PATH).
   */
  private static List<Path> candidates() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getProperty(EXECUTABLE)).map(Path::of).ifPresent(candidates::add);
    String path = System.getenv("PATH");
    if (path != null) {
      for (String folder : path.split(File.pathSeparator)) {
        if (!folder.isEmpty()) {
          candidates.add(Path.of(folder).resolve("moto_server"));
        }
      }
    }
    String pyenvRoot = Optional.ofNullable(System.getenv("PYENV_ROOT"))
        .orElse(System.getProperty("user.home") + "/.pyenv");
    candidates.add(Path.of(pyenvRoot, "shims", "moto_server"));
    return candidates.stream().distinct().toList();
  }
}
