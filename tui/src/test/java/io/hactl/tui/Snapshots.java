package io.hactl.tui;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.EventView;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Status snapshots for dashboard tests. */
public final class Snapshots {

  public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private Snapshots() {}

  public static MachineStatus controller(String id, String state, boolean primary) {
    int n = Integer.parseInt(id);
    return new MachineStatus(id, List.of("host-units", "manage-environ"), "alive", "local-" + id,
        "running", List.of("127.0.0.1"), Map.of("state", 37017 + n),
        Map.of("pid", String.valueOf(4242 + n)), "started", NOW.minusSeconds(2),
        new MemberStatus("127.0.0.1:" + (37017 + n), state, true, true, primary));
  }

  /** A voting controller with its agent in {@code agentState}, last beating at {@code beat}. */
  public static MachineStatus controller(String id, String state, boolean primary,
      String agentState, Instant beat, long lag) {
    int n = Integer.parseInt(id);
    return new MachineStatus(id, List.of("host-units", "manage-environ"), "alive", "local-" + id,
        "running", List.of("127.0.0.1"), Map.of("state", 37017 + n),
        Map.of("pid", String.valueOf(4242 + n)), agentState, beat,
        new MemberStatus("127.0.0.1:" + (37017 + n), state, true, true, primary, lag));
  }

  /** A reachable snapshot taken at {@code at}. */
  public static EnvironmentStatus at(Instant at, String master, List<MachineStatus> machines,
      List<String> warnings, List<EventView> events) {
    return new EnvironmentStatus("local", "uuid-local", "local", true, true, at, master,
        machines, null, warnings, events);
  }

  /**
   * A failover in three snapshots: 0 PRIMARY of three; 0 down with no primary; 1 elected (its
   * election event 4.5 s after 0's last heartbeat).
   */
  public static List<EnvironmentStatus> failover() {
    Instant t0 = NOW;
    EnvironmentStatus before = at(t0, "0", List.of(
        controller("0", "PRIMARY", true, "started", t0.minusSeconds(1), 0),
        controller("1", "SECONDARY", false, "started", t0.minusSeconds(1), 0),
        controller("2", "SECONDARY", false, "started", t0.minusSeconds(1), 2)),
        List.of(), List.of());
    Instant t1 = t0.plusSeconds(3);
    EnvironmentStatus electing = at(t1, null, List.of(
        controller("0", "DOWN", false, "started", t0, -1),
        controller("1", "SECONDARY", false, "started", t1.minusSeconds(1), 0),
        controller("2", "SECONDARY", false, "started", t1.minusSeconds(1), 0)),
        List.of("no controller is primary: state cannot be changed until one is elected"),
        List.of());
    Instant t2 = t0.plusSeconds(6);
    EnvironmentStatus after = at(t2, "1", List.of(
        controller("0", "DOWN", false, "down", t0, -1),
        controller("1", "PRIMARY", true, "started", t2.minusSeconds(1), 0),
        controller("2", "SECONDARY", false, "started", t2.minusSeconds(1), 0)),
        List.of("machine 0 is down (no heartbeat for more than 10s)"),
        List.of(new EventView(t0.plusMillis(4500), "election", "1",
            "machine 1 became the master")));
    return List.of(before, electing, after);
  }

  public static MachineStatus machine(String id, String agentState, String instanceState) {
    int n = Integer.parseInt(id);
    return new MachineStatus(id, List.of("host-units"), "alive", "local-" + id, instanceState,
        List.of("127.0.0.1"), Map.of(), Map.of("pid", String.valueOf(4242 + n)), agentState,
        NOW.minusSeconds(75), null);
  }

  /** Controller 0 PRIMARY and plain machine 1, both started. */
  public static EnvironmentStatus healthy() {
    return new EnvironmentStatus("local", "uuid-local", "local", true, true, NOW, "0",
        List.of(controller("0", "PRIMARY", true), machine("1", "started", "running")), null,
        List.of());
  }

  /** Like {@link #healthy()} with machine 1's agent down and its process gone. */
  public static EnvironmentStatus machineDown() {
    return new EnvironmentStatus("local", "uuid-local", "local", true, true, NOW, "0",
        List.of(controller("0", "PRIMARY", true), machine("1", "down", "missing")), null,
        List.of("machine 1: agent down since 09:58:45"));
  }

  /** State unreachable: only the provider's view, taken {@code later} than {@link #NOW}. */
  public static EnvironmentStatus unreachable(Instant at) {
    return new EnvironmentStatus("local", "uuid-local", "local", true, false, at, null,
        List.of(), "no controller answered at 127.0.0.1:37017 within 2s", List.of());
  }

  /** Three voting controllers, 0 PRIMARY; controller 2's agent in {@code thirdAgentState}. */
  public static EnvironmentStatus threeControllers(String thirdAgentState) {
    MachineStatus third = controller("2", "SECONDARY", false);
    third = new MachineStatus(third.id(), third.jobs(), third.life(), third.instanceId(),
        third.instanceState(), third.addresses(), third.ports(), third.details(),
        thirdAgentState, third.lastHeartbeat(), third.member());
    return new EnvironmentStatus("local", "uuid-local", "local", true, true, NOW, "0",
        List.of(controller("0", "PRIMARY", true), controller("1", "SECONDARY", false), third),
        null, List.of());
  }

  public static EnvironmentStatus withPlainMachines(int count) {
    List<MachineStatus> machines = new ArrayList<>();
    machines.add(controller("0", "PRIMARY", true));
    for (int i = 1; i <= count; i++) {
      machines.add(machine(String.valueOf(i), "started", "running"));
    }
    return new EnvironmentStatus("local", "uuid-local", "local", true, true, NOW, "0",
        machines, null, List.of());
  }
}
