package io.hactl.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sequences of rounds through {@link FakeReplicaSet}; invariants are checked after each one. */
class PeerGroupStepsTest {

  @ParameterizedTest(name = "1 -> {0}")
  @CsvSource({"3", "5", "7"})
  void growsFromOneControllerThroughNonVotingMembers(int size) {
    FakeReplicaSet set = FakeReplicaSet.bootstrapped();
    for (int id = 1; id < size; id++) {
      set.addController(Integer.toString(id), true);
    }

    PeerGroupPlan joined = set.step();
    assertThat(PeerSpec.summary(joined)).startsWith("reconfigure voters=0 ");
    assertThat(set.step().isSteady()).as("new members are still syncing").isTrue();

    set.catchUpAll();
    // Two votes per round: 1 -> 3 -> 5 -> 7, never a majority of new voters at once.
    for (int voters = 3; voters <= size; voters += 2) {
      assertThat(set.step().voterCount()).isEqualTo(voters);
    }
    assertThat(set.settle(3)).isEqualTo(1);
    assertThat(set.voters()).hasSize(size);
  }

  @Test
  void growsFromThreeToFiveAndFiveToSeven() {
    FakeReplicaSet set = grown(3);
    set.addController("3", true);
    set.addController("4", true);
    set.settle(5);
    assertThat(set.voters()).containsExactly("0", "1", "2", "3", "4");

    set.addController("5", true);
    set.addController("6", true);
    set.settle(5);
    assertThat(set.voters()).containsExactly("0", "1", "2", "3", "4", "5", "6");
  }

  @Test
  void replacesADeadVoterAsInTheSeedSession() {
    FakeReplicaSet set = grown(3);
    set.kill("0");
    assertThat(set.primary()).isEqualTo("1");

    // enable-ha: demote 0, add 3.
    set.setWantsVote("0", false);
    set.addController("3", true);
    set.step();
    assertThat(set.voters()).containsExactly("1");
    assertThat(set.members()).containsKeys("0", "1", "2", "3");

    set.settle(5);
    assertThat(set.voters()).containsExactly("1", "2", "3");

    // enable-ha again: 0 has lost its vote, so it leaves the controller set; its member goes.
    set.removeController("0");
    set.settle(5);
    assertThat(set.members()).containsOnlyKeys("1", "2", "3");
    assertThat(set.voters()).containsExactly("1", "2", "3");
  }

  @Test
  void stepsThePrimaryDownBeforeTakingItsVote() {
    FakeReplicaSet set = grown(3);
    set.addController("3", true);
    set.settle(5);
    set.setWantsVote("0", false);

    assertThat(set.step().stepDownPrimary()).isTrue();
    assertThat(set.primary()).isNotEqualTo("0");
    PeerGroupPlan next = set.step();

    assertThat(next.votesRemoved()).containsExactly("0");
    assertThat(next.votesAdded()).containsExactly("3");
    assertThat(set.voters()).containsExactly("1", "2", "3");
  }

  @Test
  void planningAgainOnAConvergedSetChangesNothing() {
    FakeReplicaSet set = grown(5);
    PeerGroupPlan first = set.step();
    PeerGroupPlan second = set.step();

    assertThat(first.isSteady()).isTrue();
    assertThat(second).isEqualTo(first);
    assertThat(second.hasVote()).containsOnlyKeys("0", "1", "2", "3", "4")
        .doesNotContainValue(false);
  }

  private static FakeReplicaSet grown(int size) {
    FakeReplicaSet set = FakeReplicaSet.bootstrapped();
    for (int id = 1; id < size; id++) {
      set.addController(Integer.toString(id), true);
    }
    set.settle(5);
    assertThat(set.voters()).hasSize(size);
    return set;
  }
}
