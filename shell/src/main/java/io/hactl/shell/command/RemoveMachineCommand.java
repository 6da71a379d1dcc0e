package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.environment.RemoveMachineResult;
import io.hactl.shell.render.Documents;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code remove-machine}: stops plain machines and forgets them. */
@Command(name = "remove-machine", mixinStandardHelpOptions = true,
    description = "Stop machines that host units and remove them from the environment.")
final class RemoveMachineCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "ID", arity = "1..*", description = "Machine ids, e.g. 1 2.")
  List<String> machineIds;

  @Option(names = "--force",
      description = "Remove a machine even when its instance cannot be stopped.")
  boolean force;

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    String environment = environment();
    RemoveMachineResult result = client(environment).removeMachines(machineIds, force);
    session().knownMachines().removed(environment, result.machineIds());
    print(format.format(), Documents.removedMachines(environment, result),
        (result.machineIds().size() == 1 ? "removed machine " : "removed machines ")
            + String.join(", ", result.machineIds()) + "\n");
  }
}
