package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.shell.render.Documents;
import io.hactl.shell.render.StatusText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: the environment, its machines and its controllers' members. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the environment's machines, controllers and replica-set members.")
final class StatusCommand extends EnvironmentCommand {

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    EnvironmentStatus status = client(environment()).status();
    session().knownMachines().saw(status);
    print(format.format(), Documents.status(status), StatusText.render(status));
  }
}
