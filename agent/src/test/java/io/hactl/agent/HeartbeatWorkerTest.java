package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatWorkerTest {

  private final FakeStateStore state = new FakeStateStore();
  private final List<List<String>> learned = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private final HeartbeatWorker worker = new HeartbeatWorker(state, "4", clock, learned::add);

  @Test
  void recordsABeatAtTheClocksTimeAndPassesOnControllerAddresses() {
    worker.run();
    assertThat(state.beats).containsEntry("4", clock.instant());
    assertThat(learned).containsExactly(List.of("127.0.0.1:4000"));
  }

  @Test
  void survivesAnOutageAndRecoversOnTheNextTick() {
    state.unreachable = true;
    worker.run();
    worker.run();
    assertThat(worker.failing()).isTrue();
    assertThat(state.beats).isEmpty();

    state.unreachable = false;
    state.controllers = List.of("127.0.0.1:4001", "127.0.0.1:4002");
    worker.run();
    assertThat(worker.failing()).isFalse();
    assertThat(state.beats).containsKey("4");
    assertThat(learned).containsExactly(List.of("127.0.0.1:4001", "127.0.0.1:4002"));
  }
}
