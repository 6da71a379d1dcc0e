package io.hactl.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A detached tmux session running one command in a real pseudo-terminal of a given size, driven
 * with send-keys and read with capture-pane: how a person at a terminal sees a program. Each
 * instance has its own server socket, so tests never touch a user's tmux.
 */
public final class Tmux implements AutoCloseable {

  /** Generous for the e2e tests on a busy machine; only a failing test waits it out. */
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  private final String socket;
  private final String session = "t";

  private Tmux(String socket) {
    this.socket = socket;
  }

  /** Skips the calling test, saying why, when tmux is not installed. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(runs("tmux", "-V"), "tmux is not installed: install it (apt-get"
        + " install -y tmux) to run the dashboard in a real terminal");
  }

  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts {@code command} (a shell line) in a new {@code columns}x{@code rows} terminal. */
  public static Tmux start(int columns, int rows, String command, String... environment)
      throws IOException, InterruptedException {
    Tmux tmux = new Tmux("hactl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", tmux.session,
        "-x", String.valueOf(columns), "-y", String.valueOf(rows)));
    for (String variable : environment) {
      args.add("-e");
      args.add(variable);
    }
    // keep the pane after the command exits, so its last words can still be read
    args.add(command + "; echo \"[exited $?]\"; sleep 600");
    tmux.tmux(args.toArray(String[]::new));
    return tmux;
  }

  /** Sends keys as tmux names them: {@code "q"}, {@code "Enter"}, {@code "C-c"}. */
  public void send(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /** Sends {@code text} literally, character by character. */
  public void type(String text) throws IOException, InterruptedException {
    tmux("send-keys", "-t", session, "-l", "--", text);
  }

  public void resize(int columns, int rows) throws IOException, InterruptedException {
    tmux("resize-window", "-t", session, "-x", String.valueOf(columns), "-y",
        String.valueOf(rows));
  }

  /** The screen as text, one line per row. */
  public String screen() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-t", session);
  }

  /** The screen with its colours and attributes as escape sequences. */
  public String screenWithAttributes() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-e", "-t", session);
  }

  /** Waits until the screen passes {@code test}; fails with the screen as it was. */
  public String await(String what, Predicate<String> test)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    String screen = screen();
    while (!test.test(screen)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + DEADLINE.toSeconds() + "s waiting for "
            + what + "; the terminal shows:\n" + screen);
      }
      Thread.sleep(100);
      screen = screen();
    }
    return screen;
  }

  /** Waits until the screen contains every one of {@code texts}. */
  public String awaitText(String... texts) throws IOException, InterruptedException {
    return await("the terminal to show " + String.join(" and ", texts), s -> {
      for (String t : texts) {
        if (!s.contains(t)) {
          return false;
        }
      }
      return true;
    });
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LC_ALL", "C.UTF-8"); // box-drawing characters, not underscores
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      tmux("kill-server");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
