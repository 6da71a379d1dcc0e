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

  /**
   * A controller with every member fact chosen; its agent beat {@code heartbeatAgo} seconds
   * before {@link #NOW}, so that ages can be asserted.
   */
  static MachineStatus controller(String id, String agentState, String memberState,
      boolean wantsVote, boolean hasVote, long lag, long heartbeatAgo) {
    int n = Integer.parseInt(id);
    return new MachineStatus(id, List.of("host-units", "manage-environ"), "alive", "local-" + id,
        "running", List.of("127.0.0.1"), Map.of("state", 37017 + n),
        Map.of("pid", String.valueOf(4242 + n)), agentState, NOW.minusSeconds(heartbeatAgo),
        new MemberStatus("127.0.0.1:" + (37017 + n), memberState, wantsVote, hasVote,
            "PRIMARY".equals(memberState), lag));
  }

  /**
   * After a failover: controller 0 is down, 1 is the new master, 2 a caught-up secondary, 3 a
   * standby without a vote, 4 a plain machine; core warns that quorum is one loss away.
   */
  static EnvironmentStatus haWithOneDown(String name) {
    return new EnvironmentStatus(name, "uuid-" + name, "local", true, true, NOW, "1",
        List.of(
            controller("0", "down", "DOWN", true, true, -1, 40),
            controller("1", "started", "PRIMARY", true, true, 0, 1),
            controller("2", "started", "SECONDARY", true, true, 3, 2),
            controller("3", "started", "SECONDARY", false, false, 0, 1),
            machine("4", "started")),
        null,
        List.of("machine 0 is down (no heartbeat for more than 6s)",
            "losing one more controller loses quorum: 2 of 3 voting controllers are up and 2"
                + " are needed; run `hactl enable-ha` to replace the down ones"));
  }

  static EnvironmentStatus notBootstrapped(String name) {
    return new EnvironmentStatus(name, null, "local", false, false, NOW, null, List.of(),
        "not bootstrapped", List.of());
  }
}
