package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.shell.render.DocumentWriter;
import io.hactl.shell.render.OutputFormat;
import io.hactl.shell.session.Session;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The shape of every verb: resolve the environment (from {@code -e} or the current one), call
 * one core method, render its result. Subclasses implement {@link #run()}; a
 * {@link HactlException} propagates to the shell's error reporter, which prints its message
 * and exits with its code. Output goes to the command line's writers, never to System.out, so
 * the same objects serve the one-shot CLI, the REPL and tests.
 */
abstract class EnvironmentCommand implements Callable<Integer> {

  @ParentCommand
  HactlCommand root;

  @Mixin
  GlobalOptions options;

  @Spec
  CommandSpec spec;

  /** Does the command's work; returns normally on success. */
  abstract void run() throws HactlException;

  @Override
  public final Integer call() throws HactlException {
    run();
    out().flush();
    return 0;
  }

  final Session session() {
    return root.session();
  }

  /** The environment named with {@code -e} here or before the verb, else the current one. */
  final String environment() throws HactlException {
    String requested = options.environment() != null
        ? options.environment() : root.globalOptions().environment();
    return session().environment(requested);
  }

  final EnvironmentClient client(String environment) throws HactlException {
    return session().client(environment);
  }

  final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * {@code status} itself reports an environment that was never bootstrapped; commands about
   * its controllers treat it as a usage error, as every other verb does.
   */
  static EnvironmentStatus requireBootstrapped(EnvironmentStatus status) throws HactlException {
    if (!status.bootstrapped()) {
      throw HactlException.badInput("environment " + status.name() + " is not bootstrapped;"
          + " run `hactl bootstrap -e " + status.name() + "` first");
    }
    return status;
  }

  /** Prints {@code document} as YAML/JSON, or {@code tabular} as is. */
  final void print(OutputFormat format, Object document, String tabular) {
    out().print(format == OutputFormat.TABULAR ? tabular : DocumentWriter.write(document, format));
  }
}
