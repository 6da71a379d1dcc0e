package io.hactl.core.provisioning;

import io.hactl.core.state.Machine;
import io.hactl.plugin.api.Instance;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which instances to start and stop so that the provider matches state. Pure: no I/O.
 *
 * <p>Invariants: a machine is started only when state records no instance for it and the
 * provider has none either (so a crash between starting and recording never starts a second
 * instance: the next round finds the provider's); an instance is stopped only when its machine
 * was allocated and has since been removed from state (ids below {@code nextMachineId}), so an
 * instance being started for a machine that is about to be recorded is never stopped. A machine
 * that {@code enable-ha --to} made a controller runs a plain instance without a member: it is
 * converted (see {@link ProvisioningPlan#convert}). Addresses are refreshed only from an instance
 * with the recorded id that reports some (see {@link ProvisioningPlan#refresh}).
 */
public final class ProvisioningPlanner {

  private ProvisioningPlanner() {}

  public static ProvisioningPlan plan(List<Machine> machines, List<Instance> instances,
      long nextMachineId) {
    Set<String> machinesWithInstance = instances.stream().map(Instance::machineId)
        .collect(Collectors.toSet());
    Set<String> machineIds = machines.stream().map(Machine::id).collect(Collectors.toSet());

    List<String> start = machines.stream()
        .filter(m -> Machine.ALIVE.equals(m.life()))
        .filter(m -> m.instanceId() == null)
        .filter(m -> !machinesWithInstance.contains(m.id()))
        .map(Machine::id)
        .sorted(Machine::compareIds)
        .toList();
    List<Instance> adopt = instances.stream()
        .filter(i -> machines.stream().anyMatch(
            m -> m.id().equals(i.machineId()) && m.instanceId() == null))
        .sorted(Comparator.comparing(Instance::machineId, Machine::compareIds))
        .toList();
    List<String> stop = instances.stream()
        .filter(i -> !machineIds.contains(i.machineId()))
        .filter(i -> isAllocatedId(i.machineId(), nextMachineId))
        .map(Instance::id)
        .sorted()
        .toList();
    // A controller's instance always records its member's port (bootstrap, restore and the
    // provisioner start controllers with one): one without is a plain machine's, converted.
    List<String> convert = machines.stream()
        .filter(m -> Machine.ALIVE.equals(m.life()) && m.isController())
        .filter(m -> m.instanceId() != null && !m.ports().containsKey(Instance.STATE_PORT))
        .map(Machine::id)
        .sorted(Machine::compareIds)
        .toList();
    // Only addresses the provider knows replace recorded ones: an instance listed without
    // addresses (booting, or a provider that cannot tell) keeps what state has.
    List<Instance> refresh = instances.stream()
        .filter(i -> !i.addresses().isEmpty())
        .filter(i -> machines.stream().anyMatch(m -> i.id().equals(m.instanceId())
            && i.machineId().equals(m.id()) && !m.addresses().equals(i.addresses())))
        .sorted(Comparator.comparing(Instance::machineId, Machine::compareIds))
        .toList();
    return new ProvisioningPlan(start, adopt, stop, convert, refresh);
  }

  private static boolean isAllocatedId(String machineId, long nextMachineId) {
    try {
      return Long.parseLong(machineId) < nextMachineId;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
