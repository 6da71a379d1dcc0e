package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one frame shows, immutable. Built on the UI thread by {@link DashboardState}.
 *
 * @param environment the environment's name, known before any snapshot arrives
 * @param latest the newest snapshot, or null before the first one
 * @param lastReachable the newest snapshot that could read state, or null
 * @param now when the frame is rendered
 * @param timeline history and seen changes, newest first
 * @param failover the latest change of master, or null when none was seen
 * @param uptimes per machine id, the unbroken run of its agent being up
 * @param logs the log pane
 * @param dialog the box drawn over the screen, or null
 * @param notice the line above the footer, or null
 * @param readOnly whether actions are refused (an SSH key without the operator mark)
 * @param machineOffset the first machine row shown (scrolling)
 */
public record DashboardModel(
    String environment, EnvironmentStatus latest, EnvironmentStatus lastReachable, Instant now,
    List<TimelineEntry> timeline, Failover failover, Map<String, Uptime> uptimes, LogView logs,
    Dialog dialog, Notice notice, boolean readOnly, int machineOffset) {

  /** How long a finished failover stays highlighted in the header. */
  public static final Duration FAILOVER_SHOWN = Duration.ofSeconds(60);

  public DashboardModel {
    timeline = List.copyOf(timeline);
    uptimes = Map.copyOf(uptimes);
  }

  /** A model of snapshots alone: no history, logs, dialog or notice. */
  public DashboardModel(
      String environment, EnvironmentStatus latest, EnvironmentStatus lastReachable,
      Instant now) {
    this(environment, latest, lastReachable, now, List.of(), null, Map.of(), LogView.EMPTY,
        null, null, false, 0);
  }

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

  /** Whether the environment is bootstrapped and its state cannot be read now. */
  public boolean reconnecting() {
    return latest != null && latest.bootstrapped() && !latest.reachable();
  }

  /** How old the last known state is, or null when state was never read. */
  public Duration lastKnownAge() {
    return lastReachable == null ? null : Duration.between(lastReachable.observedAt(), now);
  }

  /** The failover to show in the header: one under way, or one finished a moment ago. */
  public Failover visibleFailover() {
    if (failover == null) {
      return null;
    }
    if (failover.inProgress()) {
      return failover;
    }
    return Duration.between(failover.electedAt(), now).compareTo(FAILOVER_SHOWN) <= 0
        ? failover : null;
  }
}
