package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff ceiling = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4),
      Duration.ofSeconds(20), () -> 0.999_999);

  @Test
  void waitsGrowDoublingUpToTheCap() {
    assertThat(ceiling.delayBefore(1, Duration.ZERO)).contains(Duration.ofMillis(249));
    assertThat(ceiling.delayBefore(2, Duration.ZERO)).contains(Duration.ofMillis(499));
    assertThat(ceiling.delayBefore(5, Duration.ZERO)).contains(Duration.ofMillis(3999));
    assertThat(ceiling.delayBefore(60, Duration.ZERO)).contains(Duration.ofMillis(3999));
  }

  @Test
  void jitterPicksAnywhereBelowTheCeiling() {
    Backoff none = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4),
        Duration.ofSeconds(20), () -> 0.0);
    Backoff half = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4),
        Duration.ofSeconds(20), () -> 0.5);

    assertThat(none.delayBefore(3, Duration.ZERO)).contains(Duration.ZERO);
    assertThat(half.delayBefore(3, Duration.ZERO)).contains(Duration.ofMillis(500));
  }

  @Test
  void noRetryWhoseWaitWouldEndPastTheBudget() {
    assertThat(ceiling.delayBefore(5, Duration.ofSeconds(16))).contains(Duration.ofMillis(3999));
    assertThat(ceiling.delayBefore(5, Duration.ofMillis(16_002))).isEqualTo(Optional.empty());
    assertThat(ceiling.delayBefore(1, Duration.ofSeconds(21))).isEmpty();
  }

  @Test
  void theStandardBackoffEndsWithinTwentySeconds() {
    assertThat(Backoff.standard().budget()).isEqualTo(Duration.ofSeconds(20));
    assertThat(Backoff.standard().delayBefore(1, Duration.ofSeconds(20))).isEmpty();
  }
}
