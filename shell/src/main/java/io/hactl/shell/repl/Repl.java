package io.hactl.shell.repl;

import io.hactl.core.HactlException;
import io.hactl.shell.CommandLines;
import io.hactl.shell.command.HactlCommand;
import io.hactl.shell.session.Session;
import io.hactl.shell.session.UserConsole;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;

/**
 * The interactive shell: reads a line, runs it through the same picocli commands as the one-shot
 * CLI, prints the result or the error, and prompts again. It never ends on a command's failure,
 * only on {@code exit}, {@code quit} or end of input (Ctrl-D). The prompt names the environment
 * commands act on and follows {@code switch}.
 */
public final class Repl {

  private final Session session;
  private final Path historyFile;
  private final Map<String, String> environment;
  private volatile String promptEnvironment;

  /**
   * @param historyFile where commands are remembered across sessions
   * @param environment the process environment (NO_COLOR for the dashboard)
   */
  public Repl(Session session, Path historyFile, Map<String, String> environment) {
    this.session = session;
    this.historyFile = historyFile;
    this.environment = environment;
  }

  /** Runs on the process's terminal. */
  public int run(String pinnedEnvironment) throws HactlException {
    try (Terminal terminal = TerminalBuilder.builder().name("hactl").system(true)
        .dumb(true) // input from a pipe: fall back to a dumb terminal without a warning
        .build()) {
      return run(terminal, pinnedEnvironment);
    } catch (IOException e) {
      throw HactlException.failure("cannot open the terminal for the hactl shell: "
          + e.getMessage(), e);
    }
  }

  /** Runs on {@code terminal} until exit; returns the process exit code (0). */
  public int run(Terminal terminal, String pinnedEnvironment) {
    if (pinnedEnvironment != null) {
      session.pinEnvironment(pinnedEnvironment);
    }
    PrintWriter out = terminal.writer();
    HactlCommand root = new HactlCommand(session, env -> {
      throw HactlException.badInput("already in the hactl shell: type a command, or `help`");
    });
    CommandLine commandLine = CommandLines.create(root, out, out);
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("hactl")
        .parser(new DefaultParser())
        .completer(new CommandCompleter(commandLine.getCommandSpec(), session,
            () -> promptEnvironment))
        .variable(LineReader.HISTORY_FILE, prepareHistory(out))
        .variable(LineReader.HISTORY_SIZE, 1000)
        .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
        .build();
    UserConsole previous = session.console();
    session.useConsole(new ReplConsole(reader, isInteractive(terminal), environment));
    try {
      refreshNames();
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt(out));
        } catch (UserInterruptException e) {
          continue; // Ctrl-C abandons the line, as in any shell
        } catch (EndOfFileException e) {
          break;
        }
        List<String> words = words(reader.getParsedLine().words());
        if (words.isEmpty()) {
          continue;
        }
        if (CommandCompleter.REPL_WORDS.contains(words.get(0))) {
          break;
        }
        execute(terminal, commandLine, words, out);
        refreshNames();
      }
    } finally {
      session.useConsole(previous);
      saveHistory(reader, out);
    }
    return CommandLines.EXIT_OK;
  }

  private void execute(Terminal terminal, CommandLine commandLine, List<String> words,
      PrintWriter out) {
    // Ctrl-C while a command runs (a following debug-log) stops the command, not the shell.
    Thread runner = Thread.currentThread();
    Terminal.SignalHandler previous =
        terminal.handle(Terminal.Signal.INT, signal -> runner.interrupt());
    try {
      commandLine.execute(words.toArray(new String[0]));
    } catch (RuntimeException | Error e) {
      // picocli's handlers report a command's exceptions; this guards the loop against what
      // they let through, such as a class that fails to load. Only a dying JVM ends the shell.
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
        throw e;
      }
      out.println("ERROR unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      Thread.interrupted();
    }
    out.flush();
  }

  /** The line's words without empty ones and without a leading "hactl" typed out of habit. */
  private static List<String> words(List<String> parsed) {
    List<String> words = new ArrayList<>();
    for (String word : parsed) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    if (!words.isEmpty() && words.get(0).equals("hactl")) {
      words.remove(0);
    }
    return words;
  }

  private String prompt(PrintWriter out) {
    try {
      promptEnvironment = session.environment(null);
      return "hactl[" + promptEnvironment + "]> ";
    } catch (HactlException e) {
      out.println("ERROR " + e.getMessage());
      promptEnvironment = null;
      return "hactl> ";
    }
  }

  /** Environment names for completion; a broken configuration is reported by the prompt. */
  private void refreshNames() {
    try {
      session.listEnvironments();
    } catch (HactlException e) {
      // The prompt reports configuration problems; completion just offers nothing new.
    }
  }

  private Path prepareHistory(PrintWriter out) {
    try {
      Files.createDirectories(historyFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      out.println("hactl: warning: history will not be kept: cannot create "
          + historyFile.getParent() + ": " + e.getMessage());
    }
    return historyFile;
  }

  private static void saveHistory(LineReader reader, PrintWriter out) {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      out.println("hactl: warning: cannot save history: " + e.getMessage());
      out.flush();
    }
  }

  private static boolean isInteractive(Terminal terminal) {
    return !Terminal.TYPE_DUMB.equals(terminal.getType())
        && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
  }
}
