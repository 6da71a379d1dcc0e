package io.hactl.core.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of one environment, as status and the dashboard show it.
 *
 * @param name the environment's name
 * @param uuid its unique id; null when not bootstrapped
 * @param provider the provider type, e.g. {@code local}
 * @param bootstrapped whether the environment has been bootstrapped (from the client store)
 * @param reachable whether state could be read; when false, {@code machines} holds what the
 *     provider alone could tell and {@code problem} says why
 * @param observedAt when this snapshot was taken
 * @param master the machine id whose member is PRIMARY, or null when none is
 * @param machines every machine, ordered by numeric id
 * @param problem why state could not be read, or null
 * @param warnings things an operator should know (e.g. a controller is down)
 * @param events the newest entries of the environment's history, oldest first
 */
public record EnvironmentStatus(
    String name,
    String uuid,
    String provider,
    boolean bootstrapped,
    boolean reachable,
    Instant observedAt,
    String master,
    List<MachineStatus> machines,
    String problem,
    List<String> warnings,
    List<EventView> events) {

  public EnvironmentStatus {
    machines = List.copyOf(machines);
    warnings = List.copyOf(warnings);
    events = List.copyOf(events);
  }

  /** A snapshot without history. */
  public EnvironmentStatus(String name, String uuid, String provider, boolean bootstrapped,
      boolean reachable, Instant observedAt, String master, List<MachineStatus> machines,
      String problem, List<String> warnings) {
    this(name, uuid, provider, bootstrapped, reachable, observedAt, master, machines, problem,
        warnings, List.of());
  }

  /**
   * Juju's HA column: {@code none} with one controller, {@code N} when all N controllers that
   * want a vote are up, {@code up/N} otherwise.
   */
  public String haSummary() {
    List<MachineStatus> voters = controllers().stream()
        .filter(m -> m.member() != null && m.member().wantsVote())
        .toList();
    if (voters.size() <= 1) {
      return "none";
    }
    long up = voters.stream().filter(m -> "started".equals(m.agentState())).count();
    return up == voters.size() ? Integer.toString(voters.size()) : up + "/" + voters.size();
  }

  /** The controller machines, in id order. */
  public List<MachineStatus> controllers() {
    return machines.stream().filter(MachineStatus::isController).toList();
  }

  public Optional<MachineStatus> machine(String id) {
    return machines.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
