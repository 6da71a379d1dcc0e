package io.hactl.tui;

import java.time.Clock;
import java.time.Duration;

/**
 * How one dashboard session runs.
 *
 * @param environment the environment shown first
 * @param refresh how often core's feed takes a snapshot
 * @param palette colours, or monochrome for NO_COLOR
 * @param clock the time ages are computed from
 * @param readOnly whether action keys are refused (an SSH key not marked operator)
 */
public record DashboardOptions(String environment, Duration refresh, Palette palette,
    Clock clock, boolean readOnly) {

  public DashboardOptions withPalette(Palette value) {
    return new DashboardOptions(environment, refresh, value, clock, readOnly);
  }

  public DashboardOptions withReadOnly(boolean value) {
    return new DashboardOptions(environment, refresh, palette, clock, value);
  }
}
