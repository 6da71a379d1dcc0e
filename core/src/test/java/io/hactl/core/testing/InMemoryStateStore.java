package io.hactl.core.testing;

import io.hactl.core.backup.BackupSchedule;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Event;
import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberSpec;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.plugin.api.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A hand-written in-memory {@link StateStore} for worker and service tests. {@link #failNext}
 * makes the next N calls fail as the real store does when no primary answers; {@link
 * #unreachable} makes every call fail until cleared.
 */
public final class InMemoryStateStore implements StateStore {

  public boolean unreachable;
  /** Runs just before a claim: a test can let a concurrent writer win the race here. */
  public Runnable beforeClaim = () -> { };
  public int failNext;
  public List<MemberView> members = new ArrayList<>();
  private final Map<String, Machine> machines = new TreeMap<>(Machine::compareIds);
  private final Map<String, Instant> beats = new LinkedHashMap<>();
  private EnvironmentRecord environment;
  private long next;
  private long controllersVersion;
  private long masterTerm = -1;
  private BackupSchedule backupSchedule = BackupSchedule.OFF;
  private String sealedCredentials;
  private String masterMachine;
  public final List<Event> events = new ArrayList<>();

  private void check() {
    if (unreachable || failNext > 0) {
      failNext = Math.max(0, failNext - 1);
      throw new StateException("cannot reach state: no primary (injected)", null);
    }
  }

  /** Puts a machine as is, bypassing id allocation (for arranging a test). */
  public void put(Machine machine) {
    machines.put(machine.id(), machine);
    next = Math.max(next, Long.parseLong(machine.id()) + 1);
  }

  @Override
  public void initialize(EnvironmentRecord env, Machine first) {
    check();
    environment = env;
    put(first);
  }

  @Override
  public Optional<EnvironmentRecord> environment() {
    check();
    return Optional.ofNullable(environment);
  }

  @Override
  public List<Machine> machines() {
    check();
    return List.copyOf(machines.values());
  }

  @Override
  public Optional<Machine> machine(String id) {
    check();
    return Optional.ofNullable(machines.get(id));
  }

  @Override
  public Machine addMachine(List<String> jobs, boolean wantsVote, Map<String, String> c,
      Placement placement, Instant addedAt) {
    check();
    Machine m = new Machine(Long.toString(next++), jobs, Machine.ALIVE, null, List.of(),
        Map.of(), wantsVote, false, c, null, addedAt, placement);
    machines.put(m.id(), m);
    return m;
  }

  @Override
  public void setInstance(String id, String instanceId, List<String> addresses,
      Map<String, Integer> ports) {
    check();
    machines.put(id, machines.get(id).withInstance(instanceId, addresses, ports));
  }

  @Override
  public void setProvisioningError(String id, String error) {
    check();
    machines.put(id, machines.get(id).withProvisioningError(error));
  }

  @Override
  public long nextMachineId() {
    check();
    return next;
  }

  @Override
  public long controllersVersion() {
    check();
    return controllersVersion;
  }

  @Override
  public boolean claimControllerChange(long expected) {
    check();
    beforeClaim.run();
    if (controllersVersion != expected) {
      return false;
    }
    controllersVersion++;
    return true;
  }

  @Override
  public Optional<String> sealedCredentials() {
    check();
    return Optional.ofNullable(sealedCredentials);
  }

  @Override
  public void setSealedCredentials(String sealed) {
    check();
    sealedCredentials = sealed;
  }

  @Override
  public BackupSchedule backupSchedule() {
    check();
    return backupSchedule;
  }

  @Override
  public void setBackupSchedule(BackupSchedule schedule) {
    check();
    backupSchedule = schedule;
  }

  @Override
  public boolean claimMasterTerm(String machineId, long term) {
    check();
    if (term > masterTerm || (term == masterTerm && machineId.equals(masterMachine))) {
      masterTerm = term;
      masterMachine = machineId;
      return true;
    }
    return false;
  }

  @Override
  public void setControllerRole(String id, boolean controller, boolean wantsVote, Instant now) {
    check();
    machines.put(id, machines.get(id).withControllerRole(controller, wantsVote, now));
  }

  @Override
  public void setHasVote(String id, boolean hasVote) {
    check();
    machines.put(id, machines.get(id).withHasVote(hasVote));
  }

  @Override
  public void recordEvent(Event event) {
    check();
    events.add(event);
  }

  @Override
  public List<Event> events(int limit) {
    check();
    return List.copyOf(events.subList(Math.max(0, events.size() - limit), events.size()));
  }

  @Override
  public void removeMachine(String id) {
    check();
    machines.remove(id);
    beats.remove(id);
  }

  @Override
  public void heartbeat(String machineId, Instant at) {
    check();
    beats.put(machineId, at);
  }

  @Override
  public Map<String, Instant> heartbeats() {
    check();
    return Map.copyOf(beats);
  }

  @Override
  public List<String> controllerAddresses() {
    check();
    return machines.values().stream().filter(Machine::isController)
        .map(Machine::stateAddress).filter(a -> a != null).toList();
  }

  @Override
  public List<MemberView> members() {
    check();
    return members.stream().sorted(Comparator.comparing(MemberView::address)).toList();
  }

  /** The configurations applied, in order, and how often the primary was asked to step down. */
  public final List<List<MemberSpec>> reconfigurations = new ArrayList<>();
  public int stepDowns;

  @Override
  public void reconfigure(List<MemberSpec> newMembers) {
    check();
    reconfigurations.add(List.copyOf(newMembers));
  }

  @Override
  public void stepDownPrimary() {
    check();
    stepDowns++;
  }

  @Override
  public void close() {}
}
