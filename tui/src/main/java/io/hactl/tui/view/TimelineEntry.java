package io.hactl.tui.view;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the events timeline: an entry of core's history, or a change the dashboard saw
 * between two snapshots (a machine added or removed, an agent going down, a vote lost).
 *
 * @param at when it happened (core's time for history, the snapshot's time for a seen change)
 * @param kind {@code election}, {@code reconfig}, {@code provisioning}, {@code demotion}, ...
 * @param machineId the machine concerned, or null
 * @param message what happened, one line
 * @param duration for an election, how long the environment was without a master; else null
 * @param seen whether the dashboard derived it from snapshots (core did not record it)
 */
public record TimelineEntry(Instant at, String kind, String machineId, String message,
    Duration duration, boolean seen) {

  public TimelineEntry withDuration(Duration elected) {
    return new TimelineEntry(at, kind, machineId, message, elected, seen);
  }
}
