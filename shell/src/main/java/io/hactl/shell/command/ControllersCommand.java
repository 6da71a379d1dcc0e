package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.shell.render.ControllerDocuments;
import io.hactl.shell.render.ControllerText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code controllers}: the environment's HA summary and its controller machines. */
@Command(name = "controllers", mixinStandardHelpOptions = true,
    description = {
        "Show how highly available the environment is, and its controllers.",
        "HA is `none` with one controller, `3` when all 3 controllers that want a vote are up,"
            + " `2/3` when one is not. QUORUM says how many more voting controllers may go"
            + " down before no primary can be elected. The master is marked *."})
final class ControllersCommand extends EnvironmentCommand {

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    EnvironmentStatus status = requireBootstrapped(client(environment()).status());
    session().knownMachines().saw(status);
    print(format.format(), ControllerDocuments.controllers(status), ControllerText.render(status));
  }
}
