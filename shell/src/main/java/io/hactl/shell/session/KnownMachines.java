package io.hactl.shell.session;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Machine ids last seen per environment, for tab completion. Completion runs on the prompt's
 * thread and must never wait on I/O, so it reads only what earlier commands have seen.
 */
public final class KnownMachines {

  private final Map<String, Set<String>> byEnvironment = new ConcurrentHashMap<>();

  /** Replaces what is known of {@code status.name()} with the machines of the snapshot. */
  public void saw(EnvironmentStatus status) {
    Set<String> ids = new TreeSet<>(MachineIdOrder.INSTANCE);
    status.machines().stream().map(MachineStatus::id).forEach(ids::add);
    byEnvironment.put(status.name(), Set.copyOf(ids));
  }

  public void added(String environment, Collection<String> ids) {
    byEnvironment.merge(environment, Set.copyOf(ids), (old, more) -> union(old, more));
  }

  public void removed(String environment, Collection<String> ids) {
    byEnvironment.computeIfPresent(environment, (env, old) -> {
      Set<String> left = new TreeSet<>(old);
      left.removeAll(ids);
      return Set.copyOf(left);
    });
  }

  public void forget(String environment) {
    byEnvironment.remove(environment);
  }

  /** The ids known for {@code environment}, in numeric order. */
  public List<String> ids(String environment) {
    return byEnvironment.getOrDefault(environment, Set.of()).stream()
        .sorted(MachineIdOrder.INSTANCE)
        .toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
