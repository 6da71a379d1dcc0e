package io.hactl.plugins.aws;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again after EC2 throttled a request: exponential backoff with full jitter
 * (a random delay between zero and {@code firstDelay * 2^(attempt-1)}, capped at {@code maxDelay}),
 * and no more retries once the next wait would end beyond {@code budget} from the first attempt.
 * Jitter spreads the retries of several hactl clients that were throttled together. Pure: the
 * caller measures time and sleeps.
 *
 * @param firstDelay the upper bound of the first wait
 * @param maxDelay the largest upper bound of any wait
 * @param budget how long one EC2 request may keep being retried in all
 * @param random values in [0, 1) for the jitter
 */
record Backoff(Duration firstDelay, Duration maxDelay, Duration budget, DoubleSupplier random) {

  /** 250 ms growing to 4 s, for at most 20 s: within hactl's usual 30 s call timeout. */
  static Backoff standard() {
    return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(20),
        Math::random);
  }

  /**
   * The wait before retry number {@code attempt} (1 for the first retry), or empty when the
   * budget does not allow it.
   *
   * @param elapsed time since the first attempt started
   */
  Optional<Duration> delayBefore(int attempt, Duration elapsed) {
    long ceiling = firstDelay.toMillis() << Math.min(attempt - 1, 20);
    long bound = Math.min(ceiling, maxDelay.toMillis());
    Duration delay = Duration.ofMillis((long) (bound * random.getAsDouble()));
    return elapsed.plus(delay).compareTo(budget) > 0 ? Optional.empty() : Optional.of(delay);
  }
}
