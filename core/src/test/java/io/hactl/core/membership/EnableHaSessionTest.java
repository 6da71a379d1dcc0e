package io.hactl.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Several enable-ha runs in a row, each on the state the previous one left. */
class EnableHaSessionTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void recoversFromADeadControllerAsTheSeedDescribes() throws InvalidHaRequestException {
    ControllerSpec env = ControllerSpec.of("0AWH");

    assertThat(env.enableHa(EnableHaRequest.defaults()).render())
        .isEqualTo("maintaining machines: 0\nadding machines: 1, 2");

    // 1 and 2 get their votes, then machine 0's agent is killed.
    env.set("1", "AWH").set("2", "AWH").set("0", "WH");
    assertThat(env.enableHa(EnableHaRequest.defaults()).render())
        .isEqualTo("maintaining machines: 1, 2\nadding machines: 3\ndemoting machines: 0");
    assertThat(env.describe()).isEqualTo("0H 1AWH 2AWH 3AW");

    // Before the peer grouper has moved the vote, 0 is kept for now.
    assertThat(env.enableHa(EnableHaRequest.defaults()).render())
        .isEqualTo("maintaining machines: 0, 1, 2, 3");

    // 3 has caught up and has its vote; 0's vote is gone.
    env.set("3", "AWH").set("0", "");
    assertThat(env.enableHa(EnableHaRequest.defaults()).render())
        .isEqualTo("maintaining machines: 1, 2, 3\nremoving machines: 0");
    assertThat(env.describe()).isEqualTo("1AWH 2AWH 3AWH");
  }

  @Test
  void neverDemotesTheHealthyBootstrapMachine() throws InvalidHaRequestException {
    // Right after bootstrap: no heartbeat recorded yet, its member already PRIMARY.
    PresenceFacts justBootstrapped =
        new PresenceFacts(NOW.minusSeconds(3), null, MemberState.PRIMARY, true);
    boolean available = Availability.defaults().isAvailable(justBootstrapped, NOW);
    ControllerSpec env = ControllerSpec.of(available ? "0AWH" : "0WH");

    EnableHaResult result = env.enableHa(EnableHaRequest.defaults());

    assertThat(result.demoted()).isEmpty();
    assertThat(result.render()).isEqualTo("maintaining machines: 0\nadding machines: 1, 2");
  }

  @Test
  void keepsAControllerWithAStaleHeartbeatWhoseMemberServes() throws InvalidHaRequestException {
    // A busy agent missed its beats but the primary still hears its member: not down.
    PresenceFacts staleButServing =
        new PresenceFacts(NOW.minusSeconds(600), NOW.minusSeconds(30), MemberState.SECONDARY, true);
    PresenceFacts dead =
        new PresenceFacts(NOW.minusSeconds(600), NOW.minusSeconds(30), MemberState.DOWN, false);
    Availability rule = Availability.defaults();
    EnableHaObservation observed = EnableHaObservation.of(
        new ControllerView("0", true, true, rule.isAvailable(staleButServing, NOW)),
        new ControllerView("1", true, true, true),
        new ControllerView("2", true, true, rule.isAvailable(dead, NOW)));

    EnableHaPlan plan = new EnableHaPlanner().plan(EnableHaRequest.defaults(), observed);

    assertThat(plan.maintained()).containsExactly("0", "1");
    assertThat(plan.demoted()).containsExactly("2");
    assertThat(plan.newMachines()).isEqualTo(1);
  }

  static Stream<String> startingStates() {
    return Stream.of("0AWH", "0WH 1AWH 2AWH", "0 1AWH 2AWH 3AW", "0WH 1WH 2AWH 3AWH 4AWH",
        "0AWH 1A 2AWH", "0AWH 1AWH 2AWH 3A 4A", "0AWH 1", "0H 1AWH 2AWH 3AW");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startingStates")
  void onlyMaintainsWhenRunAgainOnTheStateItLeft(String start) throws InvalidHaRequestException {
    for (int n : List.of(0, 5, 7)) {
      ControllerSpec env = ControllerSpec.of(start, "20", "21");
      EnableHaRequest first = new EnableHaRequest(n, n == 7 ? List.of("21") : List.of());
      EnableHaResult applied = env.enableHa(first);

      EnableHaResult again = env.enableHa(EnableHaRequest.of(n));

      assertThat(again.render()).as("-n %d after %s", n, applied.render())
          .startsWith("maintaining machines: ").doesNotContain("\n");
      assertThat(again.maintained()).isEqualTo(MachineIdOrder.sorted(again.maintained()));
    }
  }
}
