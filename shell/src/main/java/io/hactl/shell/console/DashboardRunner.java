package io.hactl.shell.console;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import io.hactl.core.HactlException;
import io.hactl.tui.Dashboard;
import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import java.io.IOException;

/** Runs tui's dashboard on a Lanterna terminal and closes the terminal, restoring it. */
public final class DashboardRunner {

  private DashboardRunner() {}

  public static void run(Terminal terminal, DashboardOptions options, DashboardBackend backend)
      throws HactlException {
    try (terminal) {
      new Dashboard(options, backend, new TerminalScreen(terminal)).run();
    } catch (IOException e) {
      throw HactlException.failure("dashboard of " + options.environment()
          + " failed on the terminal: " + e.getMessage(), e);
    }
  }
}
