package io.hactl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.tui.Tmux;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hactl dashboard --listen-ssh} as operators use it: the real OpenSSH client with keys
 * made by ssh-keygen, against the real launcher and a real local environment.
 */
@Tag("e2e")
class DashboardSshTest {

  @TempDir Path home;
  private Hactl hactl;
  private Process server;
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void setUp() {
    Assumptions.assumeTrue(onPath("ssh") && onPath("ssh-keygen"), "the OpenSSH client is not"
        + " installed: install it (apt-get install -y openssh-client) to test the SSH dashboard");
    Tmux.assumeInstalled();
    hactl = new Hactl(home);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    stopServer();
    if (Files.exists(home.resolve("data/environments/local"))) {
      hactl.run("destroy-environment", "-y");
    }
  }

  @Test
  void operatorsGetActionsOthersAReadOnlyViewAndStrangersAndPasswordsNothing() throws Exception {
    Hactl.Result bootstrap = hactl.run("bootstrap");
    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isZero();
    Path operator = keygen("operator");
    Path viewer = keygen("viewer");
    Path stranger = keygen("stranger");
    Path keys = home.resolve("dashboard/authorized_keys");
    Files.createDirectories(keys.getParent());
    Files.writeString(keys, "operator " + Files.readString(pub(operator))
        + Files.readString(pub(viewer)));
    int port = freePort();

    String banner = startServer(port);
    assertThat(banner).startsWith("dashboard of local listening on ssh://127.0.0.1:" + port
        + " (host key SHA256:");
    Path hostKey = home.resolve("dashboard/ssh_host_key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hostKey)))
        .isEqualTo("rw-------");

    Tmux op = ssh(port, operator);
    op.awaitText("env local", "master *0", "PRIMARY", "h enable-ha");
    op.type("a");
    op.awaitText("┌─ add-machine");
    op.send("Enter");
    op.type("y");
    op.awaitText("added machines: 1");
    op.await("machine 1 started", s -> s.lines().anyMatch(
        l -> l.matches("\\s+1\\s+started\\s+local-machine-1.*")));

    Tmux view = ssh(port, viewer);
    view.awaitText("master *0", "read-only  q quit");
    view.type("r");
    view.awaitText("cannot remove-machine: this session is read-only");
    view.type("q");
    view.awaitText("[exited 0]");

    Result refused = batch(port, List.of("-i", stranger.toString(), "-o", "IdentitiesOnly=yes"));
    assertThat(refused.code()).as(refused.out()).isEqualTo(255);
    assertThat(refused.out()).contains("Permission denied (publickey)");
    Result password = batch(port, List.of("-o", "PubkeyAuthentication=no",
        "-o", "PreferredAuthentications=password,keyboard-interactive"));
    assertThat(password.code()).as(password.out()).isEqualTo(255);
    assertThat(password.out()).contains("Permission denied (publickey)");

    op.type("q");
    op.awaitText("[exited 0]");
    stopServer();
    assertThat(startServer(port)).isEqualTo(banner); // the same host key, reused
  }

  private String startServer(int port) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(root().resolve("hactl").toString(),
        "dashboard", "--listen-ssh", "127.0.0.1:" + port)
        .directory(root().toFile())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("HACTL_HOME", home.toString());
    builder.environment().put("HACTL_SKIP_BUILD", "1");
    server = builder.start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("dashboard of ")) {
            return line;
          }
        }
        return "(the server exited before listening)";
      } catch (IOException e) {
        return e.toString();
      }
    });
    String banner = first.get(60, TimeUnit.SECONDS);
    // keep draining so the server never blocks on a full pipe
    CompletableFuture.runAsync(() -> {
      try {
        out.transferTo(java.io.Writer.nullWriter());
      } catch (IOException e) {
        // the server stopped
      }
    });
    return banner;
  }

  private void stopServer() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
    server = null;
  }

  private Tmux ssh(int port, Path key) throws Exception {
    Tmux terminal = Tmux.start(100, 30, String.join(" ",
        sshCommand(port, List.of("-tt", "-i", key.toString(), "-o", "IdentitiesOnly=yes"))));
    closing.add(terminal);
    return terminal;
  }

  private static List<String> sshCommand(int port, List<String> more) {
    List<String> command = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p",
        String.valueOf(port), "-o", "StrictHostKeyChecking=no", "-o",
        "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"));
    command.addAll(more);
    command.add("ops@127.0.0.1");
    return command;
  }

  record Result(int code, String out) {}

  private Result batch(int port, List<String> more) throws Exception {
    List<String> options = new ArrayList<>(List.of("-o", "BatchMode=yes", "-T"));
    options.addAll(more);
    return run(sshCommand(port, options));
  }

  private Path keygen(String name) throws Exception {
    Path key = home.resolve("keys").resolve(name);
    Files.createDirectories(key.getParent());
    Result made = run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C",
        name, "-f", key.toString()));
    assertThat(made.code()).as(made.out()).isZero();
    return key;
  }

  private static Path pub(Path key) {
    return Path.of(key + ".pub");
  }

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish: " + out);
    }
    return new Result(p.exitValue(), out);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Path root() {
    return Path.of(System.getProperty("hactl.root", "..")).toAbsolutePath().normalize();
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
