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
    if (name == null) {
      out().println(session().environment(null));
      return;
    }
    String before = currentOrNull();
    session().switchEnvironment(name);
    out().println(name.equals(before) ? name + " (unchanged)"
        : (before == null ? "" : before + " ") + "-> " + name);
  }

  /**
   * The environment before switching, or null when none is chosen yet (several environments
   * and no default): exactly the case where switching must still work.
   */
  private String currentOrNull() {
    try {
      return session().environment(null);
    } catch (HactlException e) {
      return null;
    }
  }
}
