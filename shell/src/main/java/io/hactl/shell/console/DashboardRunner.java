package io.hactl.shell.console;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import io.hactl.core.HactlException;
import io.hactl.core.status.StatusFeed;
import io.hactl.tui.Dashboard;
import io.hactl.tui.Palette;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/** Runs tui's dashboard on a Lanterna terminal and closes the terminal, restoring it. */
public final class DashboardRunner {

  private DashboardRunner() {}

  public static void run(Terminal terminal, String environment, StatusFeed feed,
      Map<String, String> processEnvironment) throws HactlException {
    try (terminal) {
      TerminalScreen screen = new TerminalScreen(terminal);
      new Dashboard(environment, feed, screen, Palette.forEnvironment(processEnvironment),
          Clock.systemUTC()).run();
    } catch (IOException e) {
      throw HactlException.failure(
          "dashboard of " + environment + " failed on the terminal: " + e.getMessage(), e);
    }
  }
}
