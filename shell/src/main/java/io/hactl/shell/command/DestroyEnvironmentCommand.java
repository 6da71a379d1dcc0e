package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.environment.DestroyResult;
import io.hactl.shell.render.Documents;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code destroy-environment}: stops every machine and deletes local data. Irreversible, so it asks
 * first unless {@code -y} is given, and refuses outright when nobody is there to ask.
 */
@Command(name = "destroy-environment", mixinStandardHelpOptions = true,
    description = "Stop every machine of the environment and delete its data. Irreversible.")
final class DestroyEnvironmentCommand extends EnvironmentCommand {

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
  boolean yes;

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    String environment = environment();
    if (!yes) {
      confirm(environment);
    }
    DestroyResult result = client(environment).destroy();
    session().discardClient(environment);
    String stopped = result.stoppedInstances().isEmpty()
        ? "no instances were running"
        : "stopped " + String.join(", ", result.stoppedInstances());
    print(format.format(), Documents.destroyed(result),
        "destroyed environment " + result.environment() + ": " + stopped + "\n");
  }

  private void confirm(String environment) throws HactlException {
    Optional<String> answer = session().console().ask(
        "This stops every machine of environment \"" + environment
            + "\" and deletes its data.\nType the environment name or y to continue: ");
    if (answer.isEmpty()) {
      throw HactlException.badInput("cannot destroy environment " + environment
          + " without confirmation: no terminal to ask on; pass -y to confirm");
    }
    String typed = answer.get().strip();
    if (!typed.equals(environment) && !typed.toLowerCase(Locale.ROOT).matches("y|yes")) {
      throw new HactlException(HactlException.Kind.FAILURE,
          "destroy-environment " + environment + " cancelled: nothing was destroyed");
    }
  }
}
