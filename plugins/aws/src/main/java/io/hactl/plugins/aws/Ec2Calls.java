package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one EC2 request at a time: retries it while EC2 throttles (per {@link Backoff}), maps any
 * other failure through {@link Ec2Errors}, and stops at once when the calling thread is
 * interrupted (hactl interrupts a provider call that outlived its timeout). The SDK's own retries
 * are off (see {@link Ec2Sessions}), so this is the only retry loop and its bound holds.
 */
final class Ec2Calls {
  private final Backoff backoff;
  private final Ec2Errors errors;
  private final LongSupplier nanoTime;

  Ec2Calls(Backoff backoff, Ec2Errors errors, LongSupplier nanoTime) {
    this.backoff = backoff;
    this.errors = errors;
    this.nanoTime = nanoTime;
  }

  Ec2Errors errors() {
    return errors;
  }

  /**
   * @param action what hactl tries, for messages, e.g. "list instances"
   * @param operation the EC2 operation, e.g. "DescribeInstances"
   */
  <T> T call(String action, String operation, Supplier<T> request) throws ProviderException {
    return callUnless(action, operation, Set.of(), request).orElseThrow();
  }

  /**
   * Like {@link #call}, but empty when EC2 answers with one of {@code tolerated} error codes:
   * for outcomes that are fine for hactl, such as a rule that another client added first.
   */
  <T> Optional<T> callUnless(String action, String operation, Set<String> tolerated,
      Supplier<T> request) throws ProviderException {
    long start = nanoTime.getAsLong();
    int attempt = 0;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw errors.interrupted(action, null);
      }
      try {
        return Optional.of(request.get());
      } catch (AwsServiceException e) {
        if (tolerated.contains(Ec2Errors.code(e))) {
          return Optional.empty();
        }
        if (!Ec2Errors.isThrottling(e)) {
          throw errors.map(action, operation, e);
        }
        attempt++;
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
        Optional<Duration> delay = backoff.delayBefore(attempt, elapsed);
        if (delay.isEmpty()) {
          throw errors.throttled(action, attempt, elapsed, e);
        }
        pause(action, delay.get());
      } catch (SdkException e) {
        throw errors.map(action, operation, e);
      }
    }
  }

  private void pause(String action, Duration delay) throws ProviderException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw errors.interrupted(action, e);
    }
  }
}
