package io.hactl.plugins.maas;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a call that MAAS answers with 503 (region busy, or no IP address
 * free yet) is repeated: up to {@code attempts} tries, waiting {@code firstDelay} and then twice
 * as long each time, never more than {@code maxDelay}. A {@code Retry-After} header of MAAS is
 * honoured within the same cap. The total stays well under hactl's per-call timeout.
 *
 * @param attempts tries in all, at least 1
 * @param firstDelay the wait after the first 503
 * @param maxDelay the longest single wait
 * @param requestTimeout how long one HTTP exchange may take
 */
record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay, Duration requestTimeout) {
  /** 5 tries over about 15 s. */
  static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(20));

  RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** The wait after failed try number {@code attempt} (1-based), capped at {@link #maxDelay}. */
  Duration delayAfter(int attempt, Duration serverHint) {
    if (serverHint != null) {
      return serverHint.compareTo(maxDelay) > 0 ? maxDelay : serverHint;
    }
    Duration delay = firstDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
