package io.hactl.tui.view;

import java.time.Duration;
import java.time.Instant;

/** Short human ages: {@code 4s}, {@code 3m12s}, {@code 2h5m}, {@code 3d}. */
public final class Ages {

  private Ages() {}

  public static String since(Instant then, Instant now) {
    return then == null ? "-" : of(Duration.between(then, now)) + " ago";
  }

  public static String of(Duration age) {
    long s = Math.max(0, age.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
    if (s < 86400) {
      return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
    }
    return (s / 86400) + "d";
  }

  /** A short duration with tenths under a minute, for elections: {@code 3.2s}. */
  public static String precise(Duration d) {
    long millis = Math.max(0, d.toMillis());
    if (millis >= 60_000) {
      return of(d);
    }
    return (millis / 1000) + "." + (millis % 1000) / 100 + "s";
  }
}
