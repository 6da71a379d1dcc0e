package io.hactl.shell.session;

import io.hactl.core.HactlException;
import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import java.util.Optional;

/**
 * The person at the terminal, as commands need them: a question answered with one line, and the
 * full-screen dashboard. The one-shot CLI uses the process's terminal, the REPL its JLine
 * terminal, tests a fake.
 */
public interface UserConsole {

  /**
   * Asks {@code question} and returns the answer, or empty when nobody can answer: no terminal
   * on standard input, or the input ended.
   */
  Optional<String> ask(String question);

  /**
   * Shows the live dashboard full-screen, its actions calling core through {@code backend}, and
   * returns when the user quits it; the terminal is restored on return.
   */
  void showDashboard(DashboardOptions options, DashboardBackend backend) throws HactlException;
}
