package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.environment.BootstrapResult;
import io.hactl.shell.render.Documents;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bootstrap}: starts the environment's first controller. */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
    description = "Start the environment's first controller (machine 0) and its state.")
final class BootstrapCommand extends EnvironmentCommand {

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    String environment = environment();
    BootstrapResult result = client(environment).bootstrap();
    session().knownMachines().added(environment, List.of(result.machineId()));
    print(format.format(), Documents.bootstrap(result), String.format(Locale.ROOT,
        "Bootstrapped environment %s in %.1f s: controller machine %s on instance %s,"
            + " state at %s%n",
        result.environment(), result.took().toMillis() / 1000.0, result.machineId(),
        result.instanceId(), result.stateAddress()));
  }
}
