package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import java.time.Instant;

/** The dashboard's memory of snapshots; owned by the UI thread alone. */
public final class DashboardState {

  private final String environment;
  private EnvironmentStatus latest;
  private EnvironmentStatus lastReachable;

  public DashboardState(String environment) {
    this.environment = environment;
  }

  public void accept(EnvironmentStatus snapshot) {
    latest = snapshot;
    if (snapshot.reachable()) {
      lastReachable = snapshot;
    }
  }

  public DashboardModel model(Instant now) {
    return new DashboardModel(environment, latest, lastReachable, now);
  }
}
