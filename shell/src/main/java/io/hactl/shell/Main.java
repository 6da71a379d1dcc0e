package io.hactl.shell;

import io.hactl.config.HactlPaths;
import io.hactl.shell.command.HactlCommand;
import io.hactl.shell.console.ProcessConsole;
import io.hactl.shell.repl.Repl;
import io.hactl.shell.session.HactlCoreAccess;
import io.hactl.shell.session.Session;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The {@code hactl} process: one session over core for the whole run, then either one command
 * or, without arguments, the REPL. The only place that calls {@link System#exit}.
 *
 * <p>Start-up is kept short for one-shot use: core (and its plugins) opens on the first command
 * that needs it, JLine loads only for the REPL, Lanterna only for the dashboard, Jackson only for
 * YAML/JSON output.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  static int run(String[] args, Map<String, String> environment) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    HactlPaths paths = HactlPaths.fromEnvironment(environment);
    try (Session session = new Session(new HactlCoreAccess(paths, err),
        new ProcessConsole(environment))) {
      HactlCommand root = new HactlCommand(session,
          pinned -> new Repl(session, paths.historyFile(), environment).run(pinned));
      return CommandLines.create(root, out, err).execute(args);
    }
  }
}
