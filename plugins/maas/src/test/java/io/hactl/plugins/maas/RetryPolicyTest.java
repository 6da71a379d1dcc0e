package io.hactl.plugins.maas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void doublesTheWaitUpToTheCapAndStaysWellUnderTheCallTimeout() {
    RetryPolicy policy = RetryPolicy.DEFAULT;

    assertThat(policy.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.delayAfter(2, null)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayAfter(3, null)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayAfter(4, null)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.delayAfter(9, null)).isEqualTo(Duration.ofSeconds(8));
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < policy.attempts(); attempt++) {
      total = total.plus(policy.delayAfter(attempt, null));
    }
    assertThat(total).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void honoursRetryAfterWithinTheCap() {
    assertThat(RetryPolicy.DEFAULT.delayAfter(1, Duration.ofSeconds(3)))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryPolicy.DEFAULT.delayAfter(1, Duration.ofSeconds(600)))
        .isEqualTo(Duration.ofSeconds(8));
  }
}
