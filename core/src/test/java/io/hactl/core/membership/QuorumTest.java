package io.hactl.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumTest {

  @ParameterizedTest(name = "{0} -> needed {1}, holds {2}, one loss from breaking {3}")
  @CsvSource({
      "0AWH,                     1, true,  true",
      "0AWH 1AWH 2AWH,           2, true,  false",
      "0WH 1AWH 2AWH,            2, true,  true",
      "0WH 1WH 2AWH,             2, false, false",
      "0AWH 1AWH 2AWH 3WH 4WH,   3, true,  true",
      "0H 1AWH 2AWH 3AW 4A,      2, true,  true",
  })
  void countsOnlyMembersThatHaveAVote(String controllers, int needed, boolean holds,
      boolean fragile) {
    Quorum quorum = Quorum.of(ControllerSpec.parse(controllers));

    assertThat(quorum.needed()).isEqualTo(needed);
    assertThat(quorum.holds()).isEqualTo(holds);
    assertThat(quorum.oneLossFromBreaking()).isEqualTo(fragile);
  }

  @Test
  void refusesWithHowManyAreUpAndNeededAndTheWayOut() {
    Quorum quorum = Quorum.of(ControllerSpec.parse("0WH 1WH 2AWH"));

    assertThat(quorum.refusal("enable-ha")).isEqualTo("cannot enable-ha: only 1 of 3 voting"
        + " controllers is up and 2 are needed to elect a primary; bring the down controllers"
        + " back, or restore a backup into a new environment");
  }
}
