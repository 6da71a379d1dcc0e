package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.environment.AddMachineResult;
import io.hactl.shell.render.Documents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code add-machine}: plain machines that host units. */
@Command(name = "add-machine", mixinStandardHelpOptions = true,
    description = "Start new machines that host units (not controllers).")
final class AddMachineCommand extends EnvironmentCommand {

  static final int MAX_AT_ONCE = 100;

  @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "1",
      description = "How many machines to add (default: ${DEFAULT-VALUE}).")
  int count;

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    if (count < 1 || count > MAX_AT_ONCE) {
      throw new ParameterException(spec.commandLine(),
          "-n must be between 1 and " + MAX_AT_ONCE + ", was " + count);
    }
    String environment = environment();
    AddMachineResult result = client(environment).addMachines(count);
    session().knownMachines().added(environment, result.machineIds());
    String ids = String.join(", ", result.machineIds());
    print(format.format(), Documents.addedMachines(environment, result),
        (result.machineIds().size() == 1 ? "created machine " : "created machines ") + ids
            + "\n");
  }
}
