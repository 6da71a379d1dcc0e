package io.hactl.agent;

import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written in-memory {@link StateStore} for worker tests, with failure injection: while
 * {@link #unreachable} is set, every call fails as the real store does when no primary answers.
 */
final class FakeStateStore implements StateStore {

  boolean unreachable;
  final Map<String, Instant> beats = new LinkedHashMap<>();
  List<String> controllers = List.of("127.0.0.1:4000");
  int calls;

  private void check() {
    calls++;
    if (unreachable) {
      throw new StateException("cannot reach state: no primary", null);
    }
  }

  @Override
  public void initialize(EnvironmentRecord environment, Machine firstController) {
    check();
  }

  @Override
  public Optional<EnvironmentRecord> environment() {
    check();
    return Optional.empty();
  }

  @Override
  public List<Machine> machines() {
    check();
    return List.of();
  }

  @Override
  public Optional<Machine> machine(String id) {
    check();
    return Optional.empty();
  }

  @Override
  public Machine addMachine(List<String> jobs, boolean wantsVote, Map<String, String> c) {
    throw new AssertionError("workers do not add machines");
  }

  @Override
  public void setInstance(String id, String instanceId, List<String> a, Map<String, Integer> p) {
    throw new AssertionError("workers do not set instances");
  }

  @Override
  public void setProvisioningError(String machineId, String error) {
    throw new AssertionError("heartbeats do not provision");
  }

  @Override
  public long nextMachineId() {
    check();
    return 0;
  }

  @Override
  public void removeMachine(String machineId) {
    throw new AssertionError("workers do not remove machines");
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
    return controllers;
  }

  @Override
  public List<MemberView> members() {
    check();
    return new ArrayList<>();
  }

  @Override
  public void close() {}
}
