package io.hactl.plugins.testkit;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls a provider the way hactl does, so that a plugin's tests see what users will see: every
 * call runs on a worker thread whose context class loader is the plugin's, is bounded by a
 * timeout (a call that takes longer is interrupted and abandoned), and every failure becomes a
 * {@link ProviderCallFailure} whose one-line message names the provider and its plugin.
 *
 * <pre>{@code
 * try (HostGuard host = new HostGuard("acme-provider-mycloud", provider, loader, Duration.ofSeconds(30))) {
 *   Instance instance = host.startInstance(context, spec);
 * }
 * }</pre>
 *
 * <p>This mirrors hactl's own guard (same wording, same rules) without depending on hactl's core.
 * Thread-safe.
 */
public final class HostGuard implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Provider provider;
  private final ClassLoader pluginLoader;
  private final Duration timeout;
  private final String label;
  private final ExecutorService workers;
  private final AtomicInteger running = new AtomicInteger();

  /**
   * @param pluginId the plugin's id, as in its {@code Plugin-Id} manifest entry
   * @param provider the provider to call
   * @param pluginLoader the class loader set as the context class loader during calls
   * @param timeout how long any one call may take
   */
  public HostGuard(String pluginId, Provider provider, ClassLoader pluginLoader,
      Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("call timeout must be positive: " + timeout);
    }
    this.provider = provider;
    this.pluginLoader = pluginLoader;
    this.timeout = timeout;
    this.label = "provider " + provider.type() + " (plugin " + pluginId + ")";
    this.workers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "provider-call-" + THREADS.incrementAndGet());
      // A hung plugin must never keep the test JVM alive.
      thread.setDaemon(true);
      return thread;
    });
  }

  /** How hactl names the provider in errors: {@code provider TYPE (plugin ID)}. */
  public String label() {
    return label;
  }

  /** The call timeout. */
  public Duration timeout() {
    return timeout;
  }

  /** See {@link Provider#settings()}. */
  public List<ProviderSetting> settings() {
    return call("describe its settings", () -> copy(provider.settings()));
  }

  /** See {@link Provider#validateSettings}. */
  public List<SettingProblem> validateSettings(Map<String, String> settings) {
    Map<String, String> copy = Map.copyOf(settings);
    return call("validate settings", () -> copy(provider.validateSettings(copy)));
  }

  /** See {@link Provider#startInstance}. */
  public Instance startInstance(ProviderContext context, InstanceSpec spec) {
    return call("start instance for machine " + spec.machineId(),
        () -> provider.startInstance(context, spec));
  }

  /** See {@link Provider#stopInstances}. */
  public void stopInstances(ProviderContext context, List<String> instanceIds) {
    List<String> ids = List.copyOf(instanceIds);
    call("stop instances " + String.join(", ", ids), () -> {
      provider.stopInstances(context, ids);
      return Boolean.TRUE;
    });
  }

  /** See {@link Provider#instances}. */
  public List<Instance> instances(ProviderContext context) {
    return call("list instances", () -> copy(provider.instances(context)));
  }

  /**
   * How many calls are still running on a worker, abandoned ones included. A call abandoned after
   * a timeout keeps counting until the provider's code returns, so a test can check that the
   * provider honours the interrupt the host sends.
   */
  public int runningCalls() {
    return running.get();
  }

  /**
   * Runs {@code body} as a bounded call into the plugin.
   *
   * @param action what was asked, as a verb phrase: {@code start instance for machine 3}
   * @throws ProviderCallFailure saying who could not do what, and why
   */
  public <T> T call(String action, Callable<T> body) {
    Future<T> result;
    try {
      result = workers.submit(() -> runInPlugin(body));
    } catch (RejectedExecutionException e) {
      throw new ProviderCallFailure(ProviderCallFailure.Kind.NOT_RUN,
          label + " could not " + action + ": the host guard is closed", e);
    }
    try {
      T value = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (value == null) {
        throw new ProviderCallFailure(ProviderCallFailure.Kind.NULL_ANSWER,
            label + " could not " + action + ": the plugin answered null", null);
      }
      return value;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      boolean expected = cause instanceof ProviderException;
      throw new ProviderCallFailure(
          expected ? ProviderCallFailure.Kind.PROVIDER_ERROR
              : ProviderCallFailure.Kind.UNEXPECTED_ERROR,
          label + " could not " + action + ": "
              + (expected ? describe(cause) : describeUnexpected(cause)),
          cause);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new ProviderCallFailure(ProviderCallFailure.Kind.TIMEOUT, label
          + " did not answer within " + format(timeout) + " when asked to " + action
          + "; the plugin may be hung", e);
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProviderCallFailure(ProviderCallFailure.Kind.NOT_RUN,
          label + " could not " + action + ": interrupted", e);
    }
  }

  /** Interrupts running calls; later calls fail at once. */
  @Override
  public void close() {
    workers.shutdownNow();
  }

  private <T> T runInPlugin(Callable<T> body) throws Exception {
    running.incrementAndGet();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(pluginLoader);
    try {
      return body.call();
    } finally {
      thread.setContextClassLoader(previous);
      running.decrementAndGet();
    }
  }

  private static <T> List<T> copy(List<T> answer) {
    return answer == null ? null : List.copyOf(answer);
  }

  /** The messages of an exception and its causes, each once, joined by ": ", on one line. */
  static String describe(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause()) {
      String message = t.getMessage();
      String part = message == null || message.isBlank()
          ? t.getClass().getSimpleName()
          : message.strip().replaceAll("\\s*\\R\\s*", " ");
      if (parts.stream().noneMatch(seen -> seen.contains(part))) {
        parts.add(part);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return String.join(": ", parts);
  }

  /** For exceptions a plugin did not mean to throw, the class name goes first. */
  static String describeUnexpected(Throwable failure) {
    String message = failure.getMessage();
    String head = failure.getClass().getSimpleName();
    String rest = failure.getCause() == null ? "" : ": " + describe(failure.getCause());
    return message == null || message.isBlank() ? head + rest : head + ": " + describe(failure);
  }

  /** "30s", "1m30s" or "300ms", as hactl writes durations. */
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
}
