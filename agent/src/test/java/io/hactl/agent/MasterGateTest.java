package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterGateTest {

  private boolean primary;
  private final List<String> log = new ArrayList<>();
  private final MasterGate gate = new MasterGate("1", () -> primary, List.of(
      new MasterGate.MasterWorker("provisioner", () -> log.add("provisioner")),
      new MasterGate.MasterWorker("failing", () -> {
        log.add("failing");
        throw new IllegalStateException("boom");
      }),
      new MasterGate.MasterWorker("peer grouper", () -> log.add("peer grouper"))),
      () -> log.add("elected"));

  @Test
  void runsNoWorkerWhileItsMemberIsNotPrimary() {
    gate.run();
    assertThat(log).isEmpty();
    assertThat(gate.isMaster()).isFalse();
  }

  @Test
  void recordsTheElectionOnceThenRunsEveryWorkerEvenAfterOneFails() {
    primary = true;
    gate.run();
    gate.run();
    assertThat(log).containsExactly("elected", "provisioner", "failing", "peer grouper",
        "provisioner", "failing", "peer grouper");
  }

  @Test
  void stopsActingAtTheNextTickOnceDeposed() {
    primary = true;
    gate.run();
    primary = false;
    log.clear();
    gate.run();
    assertThat(log).isEmpty();
    assertThat(gate.isMaster()).isFalse();
  }
}
