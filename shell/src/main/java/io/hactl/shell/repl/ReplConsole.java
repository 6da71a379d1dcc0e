package io.hactl.shell.repl;

import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import io.hactl.core.HactlException;
import io.hactl.shell.console.DashboardRunner;
import io.hactl.shell.session.UserConsole;
import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import io.hactl.tui.Palette;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * The console inside the REPL: questions go through the line reader (and stay out of history),
 * and the dashboard borrows the terminal between two prompts, so the prompt works again after
 * {@code q}.
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
  public void showDashboard(DashboardOptions options, DashboardBackend backend)
      throws HactlException {
    String name = options.environment();
    if (!interactive) {
      throw HactlException.badInput(
          "cannot open the dashboard of " + name + ": this shell is not on a terminal");
    }
    org.jline.terminal.Terminal jline = reader.getTerminal();
    Terminal terminal;
    try {
      jline.flush();
      // Between prompts JLine reads nothing (its system terminal reads the tty only inside
      // readLine), so Lanterna can own the process's streams until q; they are shielded from
      // Lanterna's close, which would otherwise close the REPL's standard input and output.
      terminal = new UnixTerminal(new FilterInputStream(System.in) {
        @Override
        public void close() {
          // stays open for the prompt
        }
      }, new FilterOutputStream(System.out) {
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      }, jline.encoding(), CtrlCBehaviour.TRAP);
    } catch (IOException e) {
      throw HactlException.failure(
          "cannot open the dashboard of " + name + ": " + e.getMessage(), e);
    }
    DashboardRunner.run(terminal, options.withPalette(Palette.forEnvironment(environment)),
        backend);
  }
}
