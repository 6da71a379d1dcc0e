package io.hactl.tui.ssh;

import com.googlecode.lanterna.screen.TerminalScreen;
import io.hactl.tui.Dashboard;
import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import io.hactl.tui.Palette;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH connection's dashboard: a Lanterna terminal over the channel's streams, sized by the
 * client's pty and resized on window-change, running on its own thread until the operator quits
 * or the connection drops. A session beyond the server's bound is told so and closed.
 */
final class DashboardShell implements Command {

  private final DashboardOptions options;
  private final DashboardBackend backend;
  private final Semaphore slots;
  private final int maxSessions;
  private InputStream in;
  private OutputStream out;
  private ExitCallback exit;
  private Thread thread;

  DashboardShell(DashboardOptions options, DashboardBackend backend, Semaphore slots,
      int maxSessions) {
    this.options = options;
    this.backend = backend;
    this.slots = slots;
    this.maxSessions = maxSessions;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // the dashboard draws on standard output only
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment environment) {
    Map<String, String> env = environment.getEnv();
    if (!slots.tryAcquire()) {
      refuse("the dashboard serves at most " + maxSessions + " sessions at once and all are"
          + " in use; try again later");
      return;
    }
    SshTerminal terminal = new SshTerminal(in, out, number(env.get(Environment.ENV_COLUMNS), 80),
        number(env.get(Environment.ENV_LINES), 24));
    environment.addSignalListener((ch, signal) -> terminal.resized(
        number(env.get(Environment.ENV_COLUMNS), 80), number(env.get(Environment.ENV_LINES), 24)),
        Signal.WINCH);
    DashboardOptions session = options.withPalette(Palette.forEnvironment(env));
    thread = new Thread(() -> {
      int code = 0;
      try {
        new Dashboard(session, backend, new TerminalScreen(terminal)).run();
      } catch (IOException | RuntimeException e) {
        code = 1;
      } finally {
        slots.release();
        exit.onExit(code);
      }
    }, "ssh-dashboard");
    thread.setDaemon(true);
    thread.start();
  }

  private void refuse(String message) {
    try {
      out.write(("hactl dashboard: " + message + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // the client is gone already
    }
    exit.onExit(1, message);
  }

  /** The connection closed: the dashboard's UI thread is told to give the terminal back. */
  @Override
  public void destroy(ChannelSession channel) {
    if (thread != null) {
      thread.interrupt();
    }
  }

  private static int number(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
