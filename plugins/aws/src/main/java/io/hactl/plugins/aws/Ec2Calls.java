package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs EC2 requests: retries one while EC2 throttles it (per {@link Backoff}), maps any other
 * failure through {@link Ec2Errors}, and gives up at once when the calling thread is interrupted
 * (hactl interrupts a provider call that outlived its timeout). The SDK's own retries are off
 * (see {@link Ec2Sessions}), so this is the only retry loop and its bound holds.
 *
 * <p>Blocking socket I/O ignores interrupts, so each request runs on a worker thread of this
 * object while the caller waits interruptibly: an interrupted caller returns at once, and the
 * abandoned request ends by itself within the HTTP client's read timeout. {@link #close} stops
 * the workers.
 */
final class Ec2Calls implements AutoCloseable {
  private final Backoff backoff;
  private final Ec2Errors errors;
  private final LongSupplier nanoTime;
  private final ExecutorService workers;

  Ec2Calls(Backoff backoff, Ec2Errors errors, LongSupplier nanoTime) {
    this.backoff = backoff;
    this.errors = errors;
    this.nanoTime = nanoTime;
    ClassLoader pluginLoader = Ec2Calls.class.getClassLoader();
    this.workers = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "hactl-aws-ec2-request");
      thread.setDaemon(true);
      // The SDK looks some resources up through the context class loader: the plugin's.
      thread.setContextClassLoader(pluginLoader);
      return thread;
    });
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
    return callAwaiting(action, operation, tolerated, Set.of(), null, request);
  }

  /**
   * Like {@link #callUnless}, but also retries while EC2 answers one of {@code awaited} error
   * codes: refusals that EC2 lifts by itself after a while, such as DependencyViolation while
   * terminated instances still hold a security group. They are retried like throttling, with the
   * same backoff and within the same budget; when EC2 still refuses at the end of it, {@code
   * stillRefused} makes the exception from EC2's last answer and the time spent.
   */
  <T> Optional<T> callAwaiting(String action, String operation, Set<String> tolerated,
      Set<String> awaited, BiFunction<AwsServiceException, Duration, ProviderException> stillRefused,
      Supplier<T> request) throws ProviderException {
    long start = nanoTime.getAsLong();
    int attempt = 0;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw errors.interrupted(action, null);
      }
      try {
        return Optional.of(runInterruptibly(request));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw errors.interrupted(action, e);
      } catch (AwsServiceException e) {
        if (tolerated.contains(Ec2Errors.code(e))) {
          return Optional.empty();
        }
        boolean waiting = awaited.contains(Ec2Errors.code(e));
        if (!waiting && !Ec2Errors.isThrottling(e)) {
          throw errors.map(action, operation, e);
        }
        attempt++;
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
        Optional<Duration> delay = backoff.delayBefore(attempt, elapsed);
        if (delay.isEmpty()) {
          throw waiting ? stillRefused.apply(e, elapsed)
              : errors.throttled(action, attempt, elapsed, e);
        }
        pause(action, delay.get());
      } catch (SdkException e) {
        throw errors.map(action, operation, e);
      }
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private <T> T runInterruptibly(Supplier<T> request) throws InterruptedException {
    Future<T> future = workers.submit(request::get);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
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
