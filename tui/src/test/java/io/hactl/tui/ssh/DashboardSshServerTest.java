package io.hactl.tui.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.tui.DashboardOptions;
import io.hactl.tui.FakeBackend;
import io.hactl.tui.Palette;
import io.hactl.tui.Snapshots;
import io.hactl.tui.Tmux;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH server against the real OpenSSH client: {@code ssh} in a tmux terminal for the
 * dashboard itself, {@code ssh} in batch mode for refusals. Keys are made by {@code ssh-keygen}.
 */
class DashboardSshServerTest {

  @TempDir
  Path dir;

  private final FakeBackend backend = new FakeBackend("local", "staging");
  private final List<AutoCloseable> closing = new ArrayList<>();
  private Path folder;
  private Path operatorKey;
  private Path viewerKey;
  private Path strangerKey;

  @BeforeEach
  void keys() throws Exception {
    Assumptions.assumeTrue(onPath("ssh") && onPath("ssh-keygen"), "the OpenSSH client is not"
        + " installed: install it (apt-get install -y openssh-client) to test the SSH server");
    folder = dir.resolve("dashboard");
    Files.createDirectories(folder);
    operatorKey = keygen("operator");
    viewerKey = keygen("viewer", "ed25519");
    strangerKey = keygen("stranger");
    Files.writeString(folder.resolve(DashboardSshServer.AUTHORIZED_KEYS),
        "# dashboard keys\n"
            + "operator " + Files.readString(Path.of(operatorKey + ".pub"))
            + Files.readString(Path.of(viewerKey + ".pub"))
            + "this line is not a key\n");
    backend.clients.get("local").feed.publish(Snapshots.failover().get(0));
  }

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private DashboardSshServer server(int maxSessions) throws IOException {
    DashboardSshServer server = DashboardSshServer.start(
        new InetSocketAddress("127.0.0.1", 0), folder, maxSessions,
        new DashboardOptions("local", Duration.ofSeconds(1), Palette.colour(),
            Clock.systemUTC(), false), backend);
    closing.add(server);
    return server;
  }

  private Path keygen(String name) throws Exception {
    return keygen(name, "ecdsa");
  }

  private Path keygen(String name, String type) throws Exception {
    Path key = dir.resolve(name);
    Result made = run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name + "@test", "-f",
        key.toString());
    assertThat(made.code()).as(made.out()).isZero();
    return key;
  }

  private String sshLine(int port, Path key) {
    return String.join(" ", ssh(port, key, "-tt"));
  }

  private static List<String> ssh(int port, Path key, String... more) {
    List<String> command = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p",
        String.valueOf(port), "-o", "StrictHostKeyChecking=no", "-o",
        "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10"));
    if (key != null) {
      command.addAll(List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes"));
    }
    command.addAll(List.of(more));
    command.add("ops@127.0.0.1");
    return command;
  }

  private Tmux terminal(int port, Path key) throws Exception {
    Tmux.assumeInstalled();
    Tmux tmux = Tmux.start(100, 30, sshLine(port, key));
    closing.add(tmux);
    return tmux;
  }

  @Test
  void anOperatorKeyGetsItsOwnDashboardAndMayRunActions() throws Exception {
    DashboardSshServer server = server(4);
    Tmux tmux = terminal(server.port(), operatorKey);

    tmux.awaitText("env local", "HA 3/3  can lose 1 controller  master *0",
        "*  0        local-0   127.0.0.1:37017  PRIMARY", "h enable-ha");
    tmux.type("a");
    tmux.awaitText("┌─ add-machine");
    tmux.send("Enter");
    tmux.awaitText("run `add-machine -n 1` on local?");
    tmux.type("y");
    tmux.awaitText("added machines: 7");
    assertThat(backend.clients.get("local").calls).containsExactly("add-machine 1");

    tmux.type("q");
    tmux.awaitText("[exited 0]");
  }

  @Test
  void aKeyNotMarkedOperatorIsReadOnly() throws Exception {
    DashboardSshServer server = server(4);
    Tmux tmux = terminal(server.port(), viewerKey);

    tmux.awaitText("PRIMARY", "read-only  q quit");
    tmux.type("h");
    tmux.awaitText("cannot enable-ha: this session is read-only");
    assertThat(backend.clients.get("local").calls).isEmpty();
  }

  @Test
  void colourOverSshUnlessTheClientSendsNoColor() throws Exception {
    DashboardSshServer server = server(4);
    Tmux.assumeInstalled();
    Tmux colour = Tmux.start(100, 30, sshLine(server.port(), operatorKey));
    closing.add(colour);
    Tmux plain = Tmux.start(100, 30, String.join(" ", ssh(server.port(), viewerKey, "-tt",
        "-o", "SendEnv=NO_COLOR")), "NO_COLOR=1");
    closing.add(plain);

    colour.awaitText("PRIMARY");
    plain.awaitText("PRIMARY");

    assertThat(colour.screenWithAttributes()).containsPattern("\u001b\\[[0-9;]*3[1-3]m");
    assertThat(plain.screenWithAttributes()).doesNotContainPattern("\u001b\\[[0-9;]*3[0-7]m")
        .containsPattern("\u001b\\[[0-9;]*7m"); // reverse video for the keys
  }

  @Test
  void theDashboardFollowsTheClientsWindowSize() throws Exception {
    DashboardSshServer server = server(4);
    Tmux tmux = terminal(server.port(), operatorKey);
    tmux.await("the footer on row 30", s -> row(s, 29).startsWith("q quit"));

    tmux.resize(160, 40);

    tmux.await("the footer on row 40 and the wide layout",
        s -> row(s, 39).startsWith("q quit") && s.contains("│── Log"));
  }

  @Test
  void anUnknownKeyIsRefused() throws Exception {
    DashboardSshServer server = server(4);

    Result result = run(ssh(server.port(), strangerKey, "-o", "BatchMode=yes", "-T"));

    assertThat(result.code()).isEqualTo(255);
    assertThat(result.out()).contains("Permission denied (publickey)");
  }

  @Test
  void passwordAndKeyboardInteractiveAreNotEvenOffered() throws Exception {
    DashboardSshServer server = server(4);

    Result result = run(ssh(server.port(), null, "-v", "-o", "BatchMode=yes", "-T",
        "-o", "PubkeyAuthentication=no",
        "-o", "PreferredAuthentications=password,keyboard-interactive"));

    assertThat(result.code()).isEqualTo(255);
    assertThat(result.out())
        .containsPattern("Authentications that can continue: publickey\\r?\\n")
        .contains("Permission denied (publickey)");
  }

  @Test
  void theHostKeyIsMadeOnceWithMode0600AndReused() throws Exception {
    DashboardSshServer first = server(4);
    String fingerprint = first.fingerprint();
    first.close();
    Path hostKey = folder.resolve(DashboardSshServer.HOST_KEY);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hostKey)))
        .isEqualTo("rw-------");
    DashboardSshServer second = server(4);
    assertThat(second.fingerprint()).isEqualTo(fingerprint).startsWith("SHA256:");
    Result scan = run(List.of("ssh-keyscan", "-p", String.valueOf(second.port()), "-t",
        "ecdsa", "127.0.0.1"));
    Path scanned = dir.resolve("scanned.pub");
    Files.writeString(scanned, scan.out().lines().filter(l -> l.contains("ecdsa"))
        .map(l -> l.substring(l.indexOf(' ') + 1)).findFirst().orElse("") + "\n");
    assertThat(run(List.of("ssh-keygen", "-l", "-f", scanned.toString())).out())
        .contains(fingerprint);
  }

  @Test
  void sessionsBeyondTheBoundAreToldSoAndClosed() throws Exception {
    DashboardSshServer server = server(1);
    Tmux first = terminal(server.port(), operatorKey);
    first.awaitText("PRIMARY");

    Tmux second = terminal(server.port(), viewerKey);

    second.awaitText("the dashboard serves at most 1 sessions at once", "[exited 1]");
    first.type("q");
    first.awaitText("[exited 0]");
    Tmux third = terminal(server.port(), viewerKey);
    third.awaitText("PRIMARY");
  }

  @Test
  void itListensOnlyOnTheAddressGiven() throws Exception {
    DashboardSshServer server = server(4);

    Result listening = run(List.of("ss", "-Hltn", "sport = :" + server.port()));

    Assumptions.assumeTrue(listening.code() == 0, "ss is not installed");
    // one listening socket, on loopback (shown as 127.0.0.1 or its IPv6-mapped form)
    assertThat(listening.out().strip().lines()).hasSize(1);
    assertThat(listening.out()).containsPattern("(^|\\s|\\[::ffff:)127\\.0\\.0\\.1\\]?:"
        + server.port() + "\\s").doesNotContain("0.0.0.0:" + server.port())
        .doesNotContain("*:" + server.port());
  }

  private static String row(String screen, int row) {
    String[] rows = screen.split("\n", -1);
    return row < rows.length ? rows[row] : "";
  }

  record Result(int code, String out) {}

  private static Result run(String... command) throws Exception {
    return run(List.of(command));
  }

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish: " + out);
    }
    return new Result(p.exitValue(), out);
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
