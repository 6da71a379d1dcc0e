package io.hactl.plugins.local;

import io.hactl.plugin.api.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops agent processes the way a careful operator would: SIGTERM so the agent can close its
 * member and flush its data, a grace period shared by all of them (so stopping three controllers
 * takes one grace period, not three), then SIGKILL for whatever is left, descendants included (an
 * agent may run a mongod).
 */
final class ProcessStopper {
  static final Duration GRACE = Duration.ofSeconds(10);
  private static final Duration AFTER_KILL = Duration.ofSeconds(5);

  private ProcessStopper() {}

  static void stop(List<ProcessHandle> agents) throws ProviderException {
    stop(agents, List.of());
  }

  /**
   * Stops {@code agents} and their descendants, sparing {@code otherAgents} and theirs: a
   * master's agent starts the agents of the machines it provisions, so they are its children,
   * yet they are instances of their own and must outlive it.
   */
  static void stop(List<ProcessHandle> agents, List<ProcessHandle> otherAgents)
      throws ProviderException {
    java.util.Set<Long> spared = new java.util.HashSet<>();
    for (ProcessHandle other : otherAgents) {
      spared.add(other.pid());
      other.descendants().forEach(d -> spared.add(d.pid()));
    }
    List<ProcessHandle> descendants = new ArrayList<>();
    for (ProcessHandle agent : agents) {
      descendants.addAll(agent.descendants().filter(d -> !spared.contains(d.pid())).toList());
      agent.destroy();
    }
    long deadline = System.nanoTime() + GRACE.toNanos();
    awaitExit(agents, deadline);
    // Children the agent did not stop on its way out get the rest of the grace period.
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    awaitExit(descendants, deadline);

    List<ProcessHandle> all = new ArrayList<>(agents);
    all.addAll(descendants);
    all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    awaitExit(all, System.nanoTime() + AFTER_KILL.toNanos());
    for (ProcessHandle process : all) {
      if (process.isAlive()) {
        throw new ProviderException("process " + process.pid() + " is still alive "
            + AFTER_KILL.toSeconds() + "s after SIGKILL; stop it by hand");
      }
    }
  }

  private static void awaitExit(List<ProcessHandle> processes, long deadlineNanos)
      throws ProviderException {
    for (ProcessHandle process : processes) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      try {
        process.onExit().get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return;
      } catch (ExecutionException e) {
        throw new ProviderException("cannot wait for process " + process.pid() + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException("interrupted while waiting for process " + process.pid()
            + " to exit", e);
      }
    }
  }
}
