package io.hactl.shell.command;

import io.hactl.core.EnvironmentSummary;
import io.hactl.core.HactlException;
import io.hactl.shell.render.Documents;
import io.hactl.shell.render.TextTable;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code environments}: the configured environments; {@code *} marks the current one. */
@Command(name = "environments", mixinStandardHelpOptions = true,
    description = "List configured environments; * marks the current one.")
final class EnvironmentsCommand extends EnvironmentCommand {

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    List<EnvironmentSummary> environments = session().listEnvironments();
    TextTable table = new TextTable("NAME", "TYPE", "DEFAULT", "BOOTSTRAPPED");
    for (EnvironmentSummary env : environments) {
      table.row(env.name() + (env.current() ? "*" : ""), env.type(),
          env.isDefault() ? "yes" : "no", env.bootstrapped() ? "yes" : "no");
    }
    print(format.format(), Documents.environments(environments), table.render());
  }
}
