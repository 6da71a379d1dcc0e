package io.hactl.core.membership;

import java.util.Locale;

/**
 * A replica-set member's state as {@code replSetGetStatus} names it ({@code stateStr}).
 * Anything unrecognised, or no member at all, is {@link #UNKNOWN}.
 */
public enum MemberState {
  PRIMARY,
  SECONDARY,
  STARTUP,
  STARTUP2,
  RECOVERING,
  ARBITER,
  DOWN,
  ROLLBACK,
  REMOVED,
  UNKNOWN;

  /** Parses a {@code stateStr}; null, blank or unrecognised text gives {@link #UNKNOWN}. */
  public static MemberState parse(String stateStr) {
    if (stateStr == null || stateStr.isBlank()) {
      return UNKNOWN;
    }
    try {
      return valueOf(stateStr.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unrecognised) {
      return UNKNOWN;
    }
  }

  /** PRIMARY or SECONDARY: the member holds the data set and serves it. */
  public boolean isServing() {
    return this == PRIMARY || this == SECONDARY;
  }

  /** STARTUP, STARTUP2 or RECOVERING: the member is alive and still syncing. */
  public boolean isCatchingUp() {
    return this == STARTUP || this == STARTUP2 || this == RECOVERING;
  }
}
