package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.status.StatusFeed;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code dashboard}: the full-screen live view; {@code q} returns. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Open a full-screen live view of the environment; q quits.")
final class DashboardCommand extends EnvironmentCommand {

  @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "1",
      description = "Seconds between status snapshots (default: ${DEFAULT-VALUE}).")
  double refreshSeconds;

  @Override
  void run() throws HactlException {
    if (!(refreshSeconds >= 0.2 && refreshSeconds <= 60)) {
      throw new ParameterException(spec.commandLine(),
          "--refresh must be between 0.2 and 60 seconds, was " + refreshSeconds);
    }
    String environment = environment();
    Duration interval = Duration.ofMillis(Math.round(refreshSeconds * 1000));
    try (StatusFeed feed = client(environment).watch(interval)) {
      session().console().showDashboard(environment, feed);
    }
  }
}
