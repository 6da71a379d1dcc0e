package io.hactl.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.shell.FakeConsole;
import io.hactl.shell.FakeCoreAccess;
import io.hactl.core.logs.LogBatch;
import io.hactl.core.logs.LogSubscription;
import io.hactl.shell.session.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven over a dumb terminal on piped streams, as a script would drive it. */
class ReplTest {

  @TempDir
  Path home;

  private final FakeCoreAccess core = new FakeCoreAccess();
  private final Session session = new Session(core, new FakeConsole());

  private String replay(String input) throws Exception {
    return replay(input, null);
  }

  private String replay(String input, String pinned) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal = new DumbTerminal("test", "dumb",
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output,
        StandardCharsets.UTF_8)) {
      int code = new Repl(session, history(), Map.of()).run(terminal, pinned);
      assertThat(code).isZero();
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ctrlCStopsAFollowingDebugLogAndTheShellGoesOn() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(
        "debug-log --tail\nstatus\nexit\n".getBytes(StandardCharsets.UTF_8)), output,
        StandardCharsets.UTF_8)) {
      int[] polls = {0};
      core.client("local").logService = request -> new LogSubscription() {
        @Override
        public LogBatch poll(Duration wait) {
          if (++polls[0] == 3) {
            terminal.raise(Terminal.Signal.INT);
          }
          return new LogBatch(List.of(), true, List.of());
        }

        @Override
        public Optional<Instant> prunedBefore() {
          return Optional.empty();
        }

        @Override
        public void close() {}
      };

      new Repl(session, history(), Map.of()).run(terminal, null);

      assertThat(polls[0]).isEqualTo(3);
    }
    assertThat(core.client("local").calls).containsExactly("logs", "status");
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("MACHINE  STATE");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  private Path history() {
    return home.resolve("data").resolve("history");
  }

  @Test
  void keepsGoingAfterACommandFails() throws Exception {
    String out = replay("remove-machine 9\nadd-machine --bogus\nstatus\nexit\n");

    assertThat(out).contains("ERROR cannot remove machine 9: no such machine in local")
        .contains("ERROR Unknown option: '--bogus'")
        .contains("MACHINE  STATE");
    assertThat(core.client("local").calls).containsExactly("remove-machine 9", "status");
  }

  @Test
  void promptNamesTheEnvironmentAndFollowsSwitch() throws Exception {
    String out = replay("switch staging\nstatus\n");

    assertThat(out).contains("hactl[local]> ").contains("local -> staging")
        .contains("hactl[staging]> ");
    assertThat(core.client("staging").calls).containsExactly("status");
  }

  @Test
  void endOfInputLeavesTheShellCleanly() throws Exception {
    String out = replay("status\n");

    assertThat(out).endsWith("hactl[local]> ");
  }

  @Test
  void quitLeavesBeforeLaterLines() throws Exception {
    replay("quit\nstatus\n");

    assertThat(core.client("local").calls).isEmpty();
  }

  @Test
  void historyIsKeptAcrossSessionsInTheDataFolder() throws Exception {
    replay("status\nenvironments\nexit\n");

    assertThat(Files.readString(history())).contains("status").contains("environments");
  }

  @Test
  void aLeadingHactlIsForgiven() throws Exception {
    replay("hactl status\n");

    assertThat(core.client("local").calls).containsExactly("status");
  }

  @Test
  void aPinnedEnvironmentIsWhereCommandsActUntilSwitch() throws Exception {
    String out = replay("add-machine\nswitch local\nadd-machine\n", "staging");

    assertThat(out).contains("hactl[staging]> ");
    assertThat(core.client("staging").calls).containsExactly("add-machine 1");
    assertThat(core.client("local").calls).containsExactly("add-machine 1");
  }

  @Test
  void noVerbInsideTheShellDoesNotNestAnotherShell() throws Exception {
    String out = replay("-e staging\n");

    assertThat(out).contains("ERROR already in the hactl shell");
  }

  @Test
  void destroyOnADumbTerminalRefusesWithoutYes() throws Exception {
    String out = replay("destroy-environment\n");

    assertThat(out).contains("pass -y to confirm");
    assertThat(core.client("local").calls).isEmpty();
  }
}
