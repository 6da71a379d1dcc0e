package io.hactl.tui;

import io.hactl.core.HactlException;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.status.StatusFeed;
import java.time.Duration;
import java.util.List;

/**
 * What the dashboard needs from the program that opens it: the same environment clients the
 * shell's commands use, so every action key calls the very service its command calls. The shell
 * implements it over its session; tests with fakes. Called from the dashboard's worker threads,
 * never from its UI thread, and possibly from several dashboards at once (one per SSH session).
 */
public interface DashboardBackend {

  /** The names of the environments the dashboard can switch to. */
  List<String> environments() throws HactlException;

  /** The client of {@code environment}; the backend owns it and closes it, not the dashboard. */
  EnvironmentClient client(String environment) throws HactlException;

  /** A live feed of {@code environment}'s status; the dashboard closes it. */
  default StatusFeed watch(String environment, Duration interval) throws HactlException {
    return client(environment).watch(interval);
  }

  /**
   * The dashboard now shows {@code environment}. The shell makes it the current environment, as
   * {@code switch} does; an SSH session changes only its own view.
   */
  void switched(String environment) throws HactlException;
}
