package io.hactl.shell.command;

import io.hactl.core.HactlException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switch [NAME]}: changes (or, without a name, shows) the current environment. */
@Command(name = "switch", mixinStandardHelpOptions = true,
    description = "Make NAME the environment commands act on; without NAME, show the current one.")
final class SwitchCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "An environment's name.")
  String name;

  @Override
  void run() throws HactlException {
    String before = session().environment(null);
    if (name == null) {
      out().println(before);
      return;
    }
    session().switchEnvironment(name);
    out().println(before.equals(name) ? name + " (unchanged)" : before + " -> " + name);
  }
}
