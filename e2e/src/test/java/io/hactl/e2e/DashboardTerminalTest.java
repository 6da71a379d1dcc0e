package io.hactl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hactl.tui.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./hactl dashboard} in a real terminal (tmux) against a real local environment:
 * what an operator sees while they enable HA, add a machine, filter the log, lose the master and
 * resize the window, and that quitting gives the terminal back.
 */
@Tag("e2e")
class DashboardTerminalTest {

  private static final Duration HA_READY = Duration.ofSeconds(120);

  @TempDir Path home;
  private Hactl hactl;
  private StatusProbe probe;
  private Tmux terminal;

  @BeforeEach
  void setUp() {
    Tmux.assumeInstalled();
    hactl = new Hactl(home);
    probe = new StatusProbe(hactl);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (terminal != null) {
      terminal.close();
    }
    if (Files.exists(home.resolve("data/environments/local"))) {
      hactl.run("destroy-environment", "-y");
    }
  }

  /**
   * Runs the dashboard between two snapshots of the terminal's settings ({@code stty -g}), so a
   * test can tell the terminal was given back as it was found.
   */
  private Tmux dashboard(int columns, int rows) throws Exception {
    return Tmux.start(columns, rows, "(cd " + root() + " && stty -g > "
        + home.resolve("stty.before") + " && ./hactl dashboard; code=$?; stty -g > "
        + home.resolve("stty.after") + "; exit $code)",
        "HACTL_HOME=" + home, "HACTL_SKIP_BUILD=1");
  }

  private void assertTerminalRestored() throws Exception {
    assertThat(Files.readString(home.resolve("stty.after")))
        .isEqualTo(Files.readString(home.resolve("stty.before")));
  }

  private static Path root() {
    return Path.of(System.getProperty("hactl.root", "..")).toAbsolutePath().normalize();
  }

  @Test
  void anOperatorEnablesHaAddsAMachineFiltersTheLogAndWatchesAFailover() throws Exception {
    Hactl.Result bootstrap = hactl.run("bootstrap");
    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isZero();
    terminal = dashboard(110, 34);
    terminal.awaitText("env local  provider local  HA none", "master *0",
        "*  0        local-machine-0", "PRIMARY", "q quit  ? help  h enable-ha");

    // enable-ha -n 3, asked and confirmed in dialogs, carried out by core
    terminal.type("h");
    terminal.awaitText("┌─ enable-ha");
    terminal.type("3");
    terminal.send("Enter");
    terminal.awaitText("run `enable-ha -n 3` on local?");
    terminal.type("y");
    terminal.awaitText("enable-ha -n 3: maintaining machines: 0; adding machines: 1, 2");
    // Promoting two members at once may move the master (Raft elects again), so any controller
    // may be the one marked primary.
    Pattern primaryRow = Pattern.compile("(?m)^\\*  \\d+ .*PRIMARY");
    Pattern secondaryRow = Pattern.compile("(?m)^   \\d+ .*SECONDARY");
    terminal.await("HA 3/3 on the dashboard", s -> s.contains("HA 3/3  can lose 1"
        + " controller") && s.contains("machine 1 gained its vote")
        && s.contains("machine 2 gained its vote")
        && primaryRow.matcher(s).find() && secondaryRow.matcher(s).find());

    // add-machine
    terminal.type("a");
    terminal.awaitText("┌─ add-machine", "> 1_");
    terminal.send("Enter");
    terminal.type("y");
    terminal.awaitText("added machines: 3");
    terminal.await("machine 3 started", s -> s.lines().anyMatch(
        l -> l.matches("\\s+3\\s+started\\s+local-machine-3.*")));

    // the log pane, with debug-log's filter
    terminal.type("l");
    terminal.awaitText("┌─ log filter", "> --level trace_");
    for (int i = 0; i < "--level trace".length(); i++) {
      terminal.send("BSpace");
    }
    terminal.type("--level info --include machine-0");
    terminal.send("Enter");
    terminal.awaitText("── Log --level info --include machine-0", "machine-0 ");
    assertThat(logLines(terminal.screen())).allMatch(l -> l.startsWith("machine-0 "));

    // the master dies: marked down, the election shown, the new master highlighted
    JsonNode status = probe.status();
    String master = status.path("master").asText();
    long pid = StatusProbe.pid(status, master);
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    // The election shows at once; "down" only once the old master's heartbeat is overdue (6 s),
    // and the new master may be any other controller (the master can move during enable-ha).
    Pattern newMaster = Pattern.compile("\\*  (?!" + master + " )\\d+ .*PRIMARY");
    Pattern oldMasterDown = Pattern.compile("!  " + master + " \\(was master\\)");
    terminal.await("the failover on the dashboard: election, new master, old one down",
        s -> s.contains("FAILOVER: master " + master + " -> ")
            && newMaster.matcher(s).find() && oldMasterDown.matcher(s).find());

    // resize: the layout follows, the keys stay on the last row
    terminal.resize(160, 44);
    terminal.await("the wide layout", s -> s.contains("│── Log")
        && s.split("\n", -1)[43].startsWith("q quit"));

    // quit: the dashboard leaves the alternate screen and exits cleanly
    terminal.type("q");
    String after = terminal.awaitText("[exited 0]");
    assertThat(after).doesNotContain("── Controllers");
    assertTerminalRestored();
  }

  @Test
  void ctrlCQuitsAndRestoresTheTerminal() throws Exception {
    terminal = dashboard(80, 24);
    terminal.awaitText("env local", "not bootstrapped");

    terminal.send("C-c");

    String after = terminal.awaitText("[exited 0]");
    assertThat(after).doesNotContain("env local");
    assertTerminalRestored();
  }

  private static java.util.List<String> logLines(String screen) {
    java.util.List<String> lines = screen.lines().toList();
    int title = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("── Log")) {
        title = i;
      }
    }
    return lines.subList(title + 1, lines.size()).stream()
        .filter(l -> l.startsWith("machine-")).toList();
  }
}
