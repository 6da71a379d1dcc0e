package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.core.membership.Availability;
import io.hactl.core.membership.Quorum;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.EventView;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import io.hactl.core.store.EnvironmentRecordFile;
import io.hactl.plugin.api.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a status snapshot from state and the provider. When state cannot be read, the
 * snapshot is still useful: it lists what the provider knows and says why state is missing.
 */
final class StatusReader {

  private static final int EVENTS_SHOWN = 20;

  private final EnvironmentContext env;
  private final StateConnection state;
  private final Clock clock;

  StatusReader(EnvironmentContext env, StateConnection state, Clock clock) {
    this.env = env;
    this.state = state;
    this.clock = clock;
  }

  EnvironmentStatus read() throws HactlException {
    Instant now = clock.instant();
    Optional<EnvironmentRecordFile> record = env.store().environmentRecord(env.name());
    if (record.isEmpty() || !record.get().bootstrapped()) {
      return new EnvironmentStatus(env.name(), record.map(EnvironmentRecordFile::uuid)
          .orElse(null), env.config().type(), false, false, now, null, List.of(),
          "not bootstrapped", List.of());
    }
    String uuid = record.get().uuid();
    Map<String, Instance> instances = env.provider().instances(env.providerContext(uuid))
        .stream().collect(Collectors.toMap(Instance::machineId, Function.identity(),
            (a, b) -> a));
    List<String> controllers = record.get().stateAddresses();
    // Without this the driver would wait its whole server-selection timeout, which is sized
    // for an election, before saying what a second of probing can tell: nobody is there.
    if (!ControllerProbe.anyAnswers(controllers, ControllerProbe.TIMEOUT)) {
      return unreachable(uuid, instances, now, "no controller answers (0 of "
          + controllers.size() + " up: " + String.join(", ", controllers) + ")");
    }
    try {
      StateStore store = state.store();
      List<Machine> machines = store.machines();
      Map<String, Instant> heartbeats = store.heartbeats();
      List<MemberView> members = store.members();
      state.rememberControllers(store.controllerAddresses());
      List<MachineStatus> rows = new ArrayList<>();
      for (Machine m : machines) {
        rows.add(machineStatus(m, instances.get(m.id()), heartbeats.get(m.id()), members, now));
      }
      String master = rows.stream()
          .filter(r -> r.member() != null && r.member().primary())
          .map(MachineStatus::id).findFirst().orElse(null);
      List<EventView> events = store.events(EVENTS_SHOWN).stream()
          .map(e -> new EventView(e.at(), e.kind(), e.machineId(), e.message())).toList();
      List<String> warnings = warnings(rows);
      warnings.addAll(quorumWarnings(machines, heartbeats, members, now));
      return new EnvironmentStatus(env.name(), uuid, env.config().type(), true, true, now,
          master, rows, null, warnings, events);
    } catch (StateException e) {
      return unreachable(uuid, instances, now, e.getMessage() + whoAnswers(controllers));
    }
  }

  /**
   * Some controller answered the probe, yet state could not be read: says which answer now, so
   * that the user can tell an election in progress from a lost majority.
   */
  private static String whoAnswers(List<String> controllers) {
    List<String> answering = ControllerProbe.answering(controllers, ControllerProbe.TIMEOUT);
    List<String> silent = controllers.stream().filter(a -> !answering.contains(a)).toList();
    return "; " + answering.size() + " of " + controllers.size() + " controllers answer"
        + (silent.isEmpty() ? "" : " (silent: " + String.join(", ", silent) + ")")
        + " but none is primary: an election is under way, or too few voters are up to hold one";
  }

  private EnvironmentStatus unreachable(String uuid, Map<String, Instance> instances,
      Instant now, String problem) {
    List<MachineStatus> rows = instances.values().stream()
        .sorted(Comparator.comparing(Instance::machineId, Machine::compareIds))
        .map(i -> new MachineStatus(i.machineId(), List.of(), "unknown", i.id(),
            instanceState(i), i.addresses(), i.ports(), i.details(), "unknown", null, null))
        .toList();
    return new EnvironmentStatus(env.name(), uuid, env.config().type(), true, false, now, null,
        rows, problem, List.of("state is unreachable: showing what the provider reports"));
  }

  private static MachineStatus machineStatus(Machine m, Instance instance, Instant heartbeat,
      List<MemberView> members, Instant now) {
    String instanceState = instance == null
        ? (m.instanceId() == null ? "pending" : "missing")
        : instanceState(instance);
    String agentState = AgentPresence.agentState(heartbeat, instanceState, now);
    MemberStatus member = null;
    if (m.isController()) {
      String address = m.stateAddress();
      Optional<MemberView> view = members.stream()
          .filter(v -> v.address().equals(address)).findFirst();
      long primaryPosition = members.stream().filter(v -> "PRIMARY".equals(v.state()))
          .mapToLong(MemberView::position).max().orElse(-1);
      long lag = view.filter(v -> v.position() >= 0 && primaryPosition >= 0)
          .map(v -> Math.max(0, primaryPosition - v.position())).orElse(-1L);
      member = new MemberStatus(address, view.map(MemberView::state).orElse("UNKNOWN"),
          m.wantsVote(), view.map(MemberView::voting).orElse(m.hasVote()),
          view.map(v -> "PRIMARY".equals(v.state())).orElse(false), lag);
    }
    return new MachineStatus(m.id(), m.jobs(), m.life(), m.instanceId(), instanceState,
        m.addresses(), m.ports(), instance == null ? Map.of() : instance.details(), agentState,
        heartbeat, member, m.provisioningError());
  }

  private static String instanceState(Instance instance) {
    return instance.state().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Warns while quorum holds but one more lost controller would break it (Juju did not). */
  private static List<String> quorumWarnings(List<Machine> machines,
      Map<String, Instant> heartbeats, List<MemberView> members, Instant now) {
    var observed = ControllerObservation.observe(machines, heartbeats, members,
        Availability.defaults(), now);
    Quorum quorum = Quorum.of(observed.controllers());
    if (quorum.voters() > 1 && quorum.oneLossFromBreaking()) {
      return List.of("losing one more controller loses quorum: " + quorum.up() + " of "
          + quorum.voters() + " voting controllers are up and " + quorum.needed()
          + " are needed; run `hactl enable-ha` to replace the down ones");
    }
    return List.of();
  }

  private static List<String> warnings(List<MachineStatus> rows) {
    List<String> warnings = new ArrayList<>();
    for (MachineStatus row : rows) {
      if ("down".equals(row.agentState())) {
        warnings.add("machine " + row.id() + " is down (no heartbeat for more than "
            + AgentPresence.STALE_AFTER.toSeconds() + "s)");
      }
    }
    for (MachineStatus row : rows) {
      if (row.provisioningError() != null) {
        warnings.add("machine " + row.id() + " cannot be provisioned: "
            + row.provisioningError());
      }
    }
    if (rows.stream().noneMatch(r -> r.member() != null && r.member().primary())) {
      warnings.add("no controller is primary: state cannot be changed until one is elected");
    }
    return warnings;
  }
}
