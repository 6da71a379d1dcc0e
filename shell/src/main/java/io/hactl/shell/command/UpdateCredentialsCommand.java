package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.environment.CredentialsUpdate;
import io.hactl.shell.render.Documents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code update-credentials}: after a cloud key was rotated, resolves the provider's credentials
 * again on this client and stores them, sealed, in state for the controllers. Prints the names
 * of what was stored, never a value.
 */
@Command(name = "update-credentials", mixinStandardHelpOptions = true,
    description = "Resolve the provider's credentials again on this client (after a key was"
        + " rotated) and store them, encrypted, for the controllers.")
final class UpdateCredentialsCommand extends EnvironmentCommand {

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    CredentialsUpdate result = client(environment()).updateCredentials();
    String text = result.names().isEmpty()
        ? "Provider " + result.provider() + " of environment " + result.environment()
            + " needs no credentials on its controllers; nothing was stored\n"
        : "Updated the credentials of environment " + result.environment() + " ("
            + String.join(", ", result.names()) + "); the master uses them from its next"
            + " provider call\n";
    print(format.format(), Documents.credentialsUpdate(result), text);
  }
}
