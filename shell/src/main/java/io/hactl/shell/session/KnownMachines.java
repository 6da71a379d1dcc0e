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
  private final Map<String, Set<String>> controllersByEnvironment = new ConcurrentHashMap<>();

  /** Replaces what is known of {@code status.name()} with the machines of the snapshot. */
  public void saw(EnvironmentStatus status) {
    byEnvironment.put(status.name(), Set.copyOf(
        status.machines().stream().map(MachineStatus::id).toList()));
    controllersByEnvironment.put(status.name(), Set.copyOf(
        status.controllers().stream().map(MachineStatus::id).toList()));
  }

  public void added(String environment, Collection<String> ids) {
    byEnvironment.merge(environment, Set.copyOf(ids), KnownMachines::union);
  }

  /** Machines created as controllers (by enable-ha). */
  public void addedControllers(String environment, Collection<String> ids) {
    added(environment, ids);
    controllersByEnvironment.merge(environment, Set.copyOf(ids), KnownMachines::union);
  }

  public void removed(String environment, Collection<String> ids) {
    byEnvironment.computeIfPresent(environment, (env, old) -> without(old, ids));
    controllersByEnvironment.computeIfPresent(environment, (env, old) -> without(old, ids));
  }

  public void forget(String environment) {
    byEnvironment.remove(environment);
    controllersByEnvironment.remove(environment);
  }

  /** The ids known for {@code environment}, in numeric order. */
  public List<String> ids(String environment) {
    return sorted(byEnvironment.getOrDefault(environment, Set.of()));
  }

  /** The ids of its controller machines, in numeric order. */
  public List<String> controllerIds(String environment) {
    return sorted(controllersByEnvironment.getOrDefault(environment, Set.of()));
  }

  /** The ids of machines not known to be controllers, which enable-ha --to may convert. */
  public List<String> nonControllerIds(String environment) {
    Set<String> controllers = controllersByEnvironment.getOrDefault(environment, Set.of());
    return ids(environment).stream().filter(id -> !controllers.contains(id)).toList();
  }

  private static List<String> sorted(Set<String> ids) {
    return ids.stream().sorted(MachineIdOrder.INSTANCE).toList();
  }

  private static Set<String> without(Set<String> old, Collection<String> ids) {
    Set<String> left = new TreeSet<>(old);
    left.removeAll(ids);
    return Set.copyOf(left);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
