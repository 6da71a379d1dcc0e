package io.hactl.shell;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Status snapshots for tests: a controller that is PRIMARY and a plain machine. */
final class Snapshots {

  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private Snapshots() {}

  static MachineStatus controller(String id, String state, boolean primary) {
    return new MachineStatus(id, List.of("host-units", "manage-environ"), "alive", "local-" + id,
        "running", List.of("127.0.0.1"), Map.of("state", 37017 + Integer.parseInt(id)),
        Map.of("pid", String.valueOf(4242 + Integer.parseInt(id))), "started",
        NOW.minusSeconds(2),
        new MemberStatus("127.0.0.1:" + (37017 + Integer.parseInt(id)), state, true, true,
            primary));
  }

  static MachineStatus machine(String id, String agentState) {
    return new MachineStatus(id, List.of("host-units"), "alive", "local-" + id, "running",
        List.of("127.0.0.1"), Map.of(), Map.of("pid", String.valueOf(4242 + Integer.parseInt(id))),
        agentState, NOW.minusSeconds(3), null);
  }

  static EnvironmentStatus healthy(String name) {
    return new EnvironmentStatus(name, "uuid-" + name, "local", true, true, NOW, "0",
        List.of(controller("0", "PRIMARY", true), machine("1", "started")), null, List.of());
  }

  static EnvironmentStatus notBootstrapped(String name) {
    return new EnvironmentStatus(name, null, "local", false, false, NOW, null, List.of(),
        "not bootstrapped", List.of());
  }
}
