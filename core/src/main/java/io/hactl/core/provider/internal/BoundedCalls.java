package io.hactl.core.provider.internal;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.ProviderException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs calls into plugin code on worker threads, each bounded by a timeout, and turns whatever the
 * plugin does wrong (throws, returns null, hangs) into a one-line {@link HactlException} that names
 * the plugin.
 *
 * <p>A call that times out is abandoned: its thread is interrupted and left to finish or to hang.
 * Workers are daemon threads, so a hung plugin never keeps the JVM alive, and each call may get a
 * new thread, so one hung call never blocks the next.
 */
public final class BoundedCalls implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Duration timeout;
  private final ExecutorService workers;

  public BoundedCalls(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("call timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    this.workers = Executors.newCachedThreadPool(daemonThreads());
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Runs {@code body} on a worker whose context class loader is {@code pluginLoader} (libraries
   * inside plugins look up resources through it).
   *
   * @param who names the plugin, e.g. {@code provider local (plugin hactl-provider-local)}
   * @param action what was asked, as a verb phrase, e.g. {@code start instance for machine 3}
   * @throws HactlException FAILURE saying who could not do what, and why
   */
  public <T> T call(String who, String action, ClassLoader pluginLoader, Callable<T> body)
      throws HactlException {
    Future<T> result;
    try {
      result = workers.submit(() -> withContextLoader(pluginLoader, body));
    } catch (RejectedExecutionException e) {
      throw HactlException.failure(
          who + " could not " + action + ": the plugins have been unloaded", e);
    }
    try {
      T value = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (value == null) {
        throw new HactlException(HactlException.Kind.FAILURE,
            who + " could not " + action + ": the plugin answered null");
      }
      return value;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause instanceof ProviderException
          ? Failures.describe(cause)
          : Failures.describeUnexpected(cause);
      throw HactlException.failure(who + " could not " + action + ": " + reason, cause);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw HactlException.failure(who + " did not answer within " + format(timeout)
          + " when asked to " + action + "; the plugin may be hung", e);
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw HactlException.failure(who + " could not " + action + ": interrupted", e);
    }
  }

  /** Interrupts running calls; later calls fail at once. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** "30s", "1m30s" or "300ms": how users write durations in hactl. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds >= 60 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds >= 60 ? seconds / 60 + "m" + seconds % 60 + "s" : seconds + "s";
  }

  private static <T> T withContextLoader(ClassLoader loader, Callable<T> body) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return body.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "hactl-plugin-call-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
