package io.hactl.shell.console;

import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import io.hactl.core.HactlException;
import io.hactl.shell.session.UserConsole;
import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import io.hactl.tui.Palette;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * The console of a one-shot run: the process's own terminal, if it has one. Lanterna is loaded
 * only when the dashboard opens, keeping other one-shot commands quick to start.
 */
public final class ProcessConsole implements UserConsole {

  private final Map<String, String> environment;

  public ProcessConsole(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Optional<String> ask(String question) {
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(console.readLine("%s", question));
  }

  @Override
  public void showDashboard(DashboardOptions options, DashboardBackend backend)
      throws HactlException {
    String name = options.environment();
    if (System.console() == null) {
      throw HactlException.badInput("cannot open the dashboard of " + name
          + ": standard input and output must be a terminal");
    }
    Terminal terminal;
    try {
      terminal = new DefaultTerminalFactory(System.out, System.in, Charset.defaultCharset())
          .setForceTextTerminal(true)
          .setUnixTerminalCtrlCBehaviour(CtrlCBehaviour.TRAP)
          .createTerminal();
    } catch (IOException e) {
      throw HactlException.failure(
          "cannot open the dashboard of " + name + ": " + e.getMessage(), e);
    }
    DashboardRunner.run(terminal, options.withPalette(Palette.forEnvironment(environment)),
        backend);
  }
}
