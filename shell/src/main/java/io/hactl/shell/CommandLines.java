package io.hactl.shell;

import io.hactl.core.HactlException;
import io.hactl.shell.command.HactlCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the picocli command line shared by the one-shot CLI and the REPL, with hactl's error
 * conventions: bad input is one line plus where to find usage, exit 2; a {@link HactlException}
 * prints its message and exits with its kind's code; anything else is one line, exit 1, and a
 * stack trace only with {@code --verbose}.
 */
public final class CommandLines {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_BAD_INPUT = 2;

  private CommandLines() {}

  public static CommandLine create(HactlCommand root, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(root);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setParameterExceptionHandler(new UsageErrorReporter());
    return commandLine;
  }

  /** Bad flags and arguments. */
  static final class UsageErrorReporter implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine command = ex.getCommandLine();
      PrintWriter err = command.getErr();
      err.println("ERROR " + ex.getMessage());
      UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return EXIT_BAD_INPUT;
    }
  }

  /** Failures while a command runs. */
  static final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
      PrintWriter err = command.getErr();
      boolean verbose = verbose(parsed);
      command.getOut().flush();
      int code;
      if (ex instanceof HactlException failure) {
        err.println("ERROR " + failure.getMessage());
        code = failure.kind().exitCode();
      } else {
        err.println("ERROR unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
            + (verbose ? "" : " (run with --verbose for the stack trace)"));
        code = EXIT_FAILURE;
      }
      if (verbose) {
        ex.printStackTrace(err);
      }
      err.flush();
      return code;
    }

    private static boolean verbose(ParseResult parsed) {
      for (ParseResult p = parsed; p != null; p = p.subcommand()) {
        if (p.hasMatchedOption("--verbose")) {
          return true;
        }
      }
      return false;
    }
  }
}
