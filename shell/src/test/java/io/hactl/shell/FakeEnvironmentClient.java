package io.hactl.shell;

import io.hactl.core.HactlException;
import io.hactl.core.environment.AddMachineResult;
import io.hactl.core.environment.BootstrapResult;
import io.hactl.core.environment.CredentialsUpdate;
import io.hactl.core.environment.DestroyResult;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.environment.RemoveMachineResult;
import io.hactl.core.logs.LogService;
import io.hactl.core.membership.EnableHaRequest;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.StatusFeed;
import io.hactl.plugin.api.Placement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An environment in memory. Each call is recorded; {@link #failNext} makes the next call throw,
 * the way core's real client fails (a HactlException, or anything else for a bug).
 */
public final class FakeEnvironmentClient implements EnvironmentClient {

  final String name;
  public final List<String> calls = new ArrayList<>();
  public EnvironmentStatus status;
  /** When set, what enable-ha returns once the count is valid. */
  EnableHaResult enableHaResult;
  Map<String, String> lastConstraints;
  List<Placement> lastPlacements = List.of();
  Exception nextFailure;
  boolean closed;
  FakeFeed lastFeed;
  private int nextMachine = 2;

  FakeEnvironmentClient(String name) {
    this.name = name;
    this.status = Snapshots.healthy(name);
  }

  void failNext(Exception failure) {
    this.nextFailure = failure;
  }

  private void call(String what) throws HactlException {
    calls.add(what);
    Exception failure = nextFailure;
    nextFailure = null;
    if (failure instanceof HactlException h) {
      throw h;
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
  }

  @Override
  public String environmentName() {
    return name;
  }

  @Override
  public BootstrapResult bootstrap() throws HactlException {
    call("bootstrap");
    return new BootstrapResult(name, "uuid-" + name, "0", "local-0", "127.0.0.1:37017",
        Duration.ofMillis(4200));
  }

  @Override
  public EnvironmentStatus status() throws HactlException {
    call("status");
    return status;
  }

  @Override
  public AddMachineResult addMachines(int count) throws HactlException {
    call("add-machine " + count);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.valueOf(nextMachine++));
    }
    return new AddMachineResult(ids);
  }

  /** Records constraints and zones, then adds as {@link #addMachines(int)} does. */
  @Override
  public AddMachineResult addMachines(int count, Map<String, String> constraints,
      List<Placement> placements) throws HactlException {
    lastConstraints = constraints;
    lastPlacements = placements;
    return addMachines(count);
  }

  /** Records the zones, then plans as {@link #enableHa(EnableHaRequest, Map)} does. */
  @Override
  public EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints,
      List<Placement> placements) throws HactlException {
    lastPlacements = placements;
    return enableHa(request, constraints);
  }

  @Override
  public RemoveMachineResult removeMachines(List<String> machineIds, boolean force)
      throws HactlException {
    call("remove-machine " + String.join(" ", machineIds) + (force ? " --force" : ""));
    for (String id : machineIds) {
      if (status.machine(id).isEmpty()) {
        throw HactlException.badInput("cannot remove machine " + id + ": no such machine in "
            + name + "; run `hactl status` to see the machines");
      }
    }
    return new RemoveMachineResult(machineIds);
  }

  /**
   * Validates the count as core's planner does (with its messages) and plans from one
   * controller, machine 0: the rest are new machines, or converted ones named with --to. Set
   * {@link #enableHaResult} to return a fixed plan instead.
   */
  @Override
  public EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints)
      throws HactlException {
    call("enable-ha -n " + request.requested() + " --to " + request.placement()
        + " --constraints " + constraints);
    lastConstraints = constraints;
    int n = request.requested();
    if (n < 0 || (n > 0 && n % 2 == 0)) {
      throw HactlException.badInput("cannot enable-ha in " + name + ": must specify a number of"
          + " controllers odd and non-negative");
    }
    if (n > 7) {
      throw HactlException.badInput("cannot enable-ha in " + name + ": controller count is too"
          + " large (allowed 7)");
    }
    if (enableHaResult != null) {
      return enableHaResult;
    }
    List<String> converted = request.placement();
    List<String> added = new ArrayList<>();
    for (int i = 1 + converted.size(); i < Math.max(3, n); i++) {
      added.add(String.valueOf(nextMachine++));
    }
    return new EnableHaResult(List.of("0"), added, List.of(), List.of(), List.of(), converted);
  }

  /** The names {@link #updateCredentials()} reports as stored. */
  public List<String> credentialNames = List.of("access-key-id", "secret-access-key");

  @Override
  public CredentialsUpdate updateCredentials() throws HactlException {
    call("update-credentials");
    return new CredentialsUpdate(name, "aws", credentialNames,
        java.time.Instant.parse("2026-11-26T04:30:00Z"));
  }

  @Override
  public DestroyResult destroy() throws HactlException {
    call("destroy");
    return new DestroyResult(name, List.of("local-0", "local-1"));
  }

  @Override
  public StatusFeed watch(Duration interval) {
    calls.add("watch " + interval.toMillis() + "ms");
    lastFeed = new FakeFeed(status);
    return lastFeed;
  }

  /** What {@link #logs()} returns; null: the interface's refusal. */
  public LogService logService;

  @Override
  public LogService logs() throws HactlException {
    call("logs");
    return logService != null ? logService : EnvironmentClient.super.logs();
  }

  @Override
  public void close() {
    closed = true;
  }

  /** A feed that holds one snapshot and remembers being closed. */
  static final class FakeFeed implements StatusFeed {
    final EnvironmentStatus snapshot;
    boolean closed;

    FakeFeed(EnvironmentStatus snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    public Optional<EnvironmentStatus> latest() {
      return Optional.of(snapshot);
    }

    @Override
    public AutoCloseable subscribe(Consumer<EnvironmentStatus> listener) {
      listener.accept(snapshot);
      return () -> { };
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
