package io.hactl.shell.repl;

import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import io.hactl.core.HactlException;
import io.hactl.core.status.StatusFeed;
import io.hactl.shell.console.DashboardRunner;
import io.hactl.shell.session.UserConsole;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingInputStream;

/**
 * The console inside the REPL: questions go through the line reader (and stay out of history),
 * and the dashboard borrows JLine's terminal streams, so the prompt works again after {@code q}.
 */
final class ReplConsole implements UserConsole {

  private final LineReader reader;
  private final boolean interactive;
  private final Map<String, String> environment;

  /**
   * @param interactive whether a person can answer: false on a dumb terminal over pipes
   */
  ReplConsole(LineReader reader, boolean interactive, Map<String, String> environment) {
    this.reader = reader;
    this.interactive = interactive;
    this.environment = environment;
  }

  @Override
  public Optional<String> ask(String question) {
    if (!interactive) {
      return Optional.empty();
    }
    Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
    reader.setVariable(LineReader.DISABLE_HISTORY, true);
    try {
      return Optional.of(reader.readLine(question));
    } catch (UserInterruptException | EndOfFileException e) {
      return Optional.of(""); // Ctrl-C or Ctrl-D at a confirmation means no
    } finally {
      reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
    }
  }

  @Override
  public void showDashboard(String name, StatusFeed feed) throws HactlException {
    if (!interactive) {
      throw HactlException.badInput(
          "cannot open the dashboard of " + name + ": this shell is not on a terminal");
    }
    org.jline.terminal.Terminal jline = reader.getTerminal();
    Terminal terminal;
    try {
      jline.flush();
      // Lanterna closes its streams when it is done; JLine's must stay open for the prompt.
      OutputStream output = new FilterOutputStream(jline.output()) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
      terminal = new UnixTerminal(new JLineInput(nonBlocking(jline)), output,
          jline.encoding(), CtrlCBehaviour.TRAP);
    } catch (IOException e) {
      throw HactlException.failure(
          "cannot open the dashboard of " + name + ": " + e.getMessage(), e);
    }
    DashboardRunner.run(terminal, name, feed, environment);
  }

  private static NonBlockingInputStream nonBlocking(org.jline.terminal.Terminal terminal) {
    return terminal.input() instanceof NonBlockingInputStream stream
        ? stream : NonBlocking.nonBlocking(terminal.getName(), terminal.input());
  }
}
