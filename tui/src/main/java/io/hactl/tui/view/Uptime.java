package io.hactl.tui.view;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a machine's agent has been up without a break, as the dashboard observed it. Status
 * carries no start time, so when the agent was already up at the first snapshot the figure is a
 * lower bound and is shown as {@code ≥5m}.
 *
 * @param since the first snapshot of the unbroken run in which the agent was started
 * @param exact false when the run began before the dashboard's first snapshot
 */
public record Uptime(Instant since, boolean exact) {

  public String text(Instant now) {
    return (exact ? "" : "≥") + Ages.of(Duration.between(since, now));
  }
}
