package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything one frame shows, immutable: the newest snapshot, the newest one that could read
 * state, and the time of rendering (for ages). Built on the UI thread by {@link DashboardState}.
 *
 * @param environment the environment's name, known before any snapshot arrives
 * @param latest the newest snapshot, or null before the first one
 * @param lastReachable the newest snapshot that could read state, or null
 * @param now when the frame is rendered
 */
public record DashboardModel(
    String environment, EnvironmentStatus latest, EnvironmentStatus lastReachable, Instant now) {

  /**
   * The snapshot whose machines are shown: while state is unreachable, the last known state is
   * kept on screen (marked with its age) rather than replaced by the provider's thinner view.
   */
  public EnvironmentStatus shown() {
    if (latest == null || latest.reachable() || lastReachable == null) {
      return latest;
    }
    return lastReachable;
  }

  /** Whether state was readable before and is not now. */
  public boolean reconnecting() {
    return latest != null && latest.bootstrapped() && !latest.reachable();
  }

  /** How old the last known state is, or null when state was never read. */
  public Duration lastKnownAge() {
    return lastReachable == null ? null : Duration.between(lastReachable.observedAt(), now);
  }
}
