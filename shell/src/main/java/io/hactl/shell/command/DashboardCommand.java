package io.hactl.shell.command;

import io.hactl.core.EnvironmentSummary;
import io.hactl.core.HactlException;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.shell.session.Session;
import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import io.hactl.tui.Palette;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code dashboard}: the full-screen live view; {@code q} returns. With {@code --listen-ssh} it
 * serves the dashboard over SSH in the foreground instead (see {@link SshDashboardServe}).
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Open a full-screen live view of the environment; q quits. With --listen-ssh,"
        + " serve it over SSH to the keys in the dashboard's authorized_keys.")
final class DashboardCommand extends EnvironmentCommand {

  @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "1",
      description = "Seconds between status snapshots (default: ${DEFAULT-VALUE}).")
  double refreshSeconds;

  @Option(names = "--listen-ssh", paramLabel = "ADDR:PORT",
      description = "Serve the dashboard over SSH on this address only (e.g. 127.0.0.1:2222);"
          + " runs until interrupted.")
  String listenSsh;

  @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "8",
      description = "With --listen-ssh: at most N dashboards at once (default: ${DEFAULT-VALUE}).")
  int maxSessions;

  @Override
  void run() throws HactlException {
    if (!(refreshSeconds >= 0.2 && refreshSeconds <= 60)) {
      throw new ParameterException(spec.commandLine(),
          "--refresh must be between 0.2 and 60 seconds, was " + refreshSeconds);
    }
    if (maxSessions < 1 || maxSessions > 100) {
      throw new ParameterException(spec.commandLine(),
          "--max-sessions must be between 1 and 100, was " + maxSessions);
    }
    String environment = environment();
    Duration interval = Duration.ofMillis(Math.round(refreshSeconds * 1000));
    DashboardOptions options = new DashboardOptions(environment, interval, Palette.colour(),
        Clock.systemUTC(), false);
    if (listenSsh != null) {
      new SshDashboardServe(spec.commandLine(), out()).serve(listenSsh, maxSessions, options,
          new SessionBackend(session(), false));
      return;
    }
    session().console().showDashboard(options, new SessionBackend(session(), true));
  }

  /**
   * The dashboard's way into core: the session's own clients, so an action key calls exactly
   * what the command calls. Synchronized because SSH sessions run dashboards side by side while
   * the session was built for one command at a time.
   */
  static final class SessionBackend implements DashboardBackend {
    private final Session session;
    private final boolean switchesCurrent;

    /** @param switchesCurrent whether switching makes the environment current, as `switch` */
    SessionBackend(Session session, boolean switchesCurrent) {
      this.session = session;
      this.switchesCurrent = switchesCurrent;
    }

    @Override
    public List<String> environments() throws HactlException {
      synchronized (session) {
        return session.listEnvironments().stream().map(EnvironmentSummary::name).toList();
      }
    }

    @Override
    public EnvironmentClient client(String environment) throws HactlException {
      synchronized (session) {
        return session.client(environment);
      }
    }

    @Override
    public void switched(String environment) throws HactlException {
      if (switchesCurrent) {
        synchronized (session) {
          session.switchEnvironment(environment);
        }
      }
    }
  }
}
