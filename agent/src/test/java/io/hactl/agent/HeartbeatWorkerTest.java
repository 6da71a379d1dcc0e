package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.state.Machine;
import io.hactl.core.testing.InMemoryStateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatWorkerTest {

  private final InMemoryStateStore state = new InMemoryStateStore();
  private final List<List<String>> learned = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private final HeartbeatWorker worker = new HeartbeatWorker(state, "4", clock, learned::add);

  private void controllerAt(String id, int port) {
    state.put(new Machine(id, List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
        Machine.ALIVE, "i-" + id, List.of("127.0.0.1"), Map.of("state", port), true, true,
        Map.of(), null, null));
  }

  @Test
  void recordsABeatAtTheClocksTimeAndPassesOnControllerAddresses() {
    controllerAt("0", 4000);
    worker.run();
    assertThat(state.heartbeats()).containsEntry("4", clock.instant());
    assertThat(learned).containsExactly(List.of("127.0.0.1:4000"));
  }

  @Test
  void survivesAnOutageAndRecoversOnTheNextTick() {
    state.unreachable = true;
    worker.run();
    worker.run();
    assertThat(worker.failing()).isTrue();

    state.unreachable = false;
    assertThat(state.heartbeats()).isEmpty();
    controllerAt("1", 4001);
    controllerAt("2", 4002);
    worker.run();
    assertThat(worker.failing()).isFalse();
    assertThat(state.heartbeats()).containsKey("4");
    assertThat(learned).containsExactly(List.of("127.0.0.1:4001", "127.0.0.1:4002"));
  }
}
