package io.hactl.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random histories of failures, recoveries and wants-vote changes, each followed by a peer-grouper
 * round. {@link FakeReplicaSet} checks the invariants after every round; at the end the set must
 * become steady within a bounded number of rounds and be as good as the odd rule allows.
 */
class PeerGroupPropertyTest {

  private static final int EVENTS = 40;
  private static final int SETTLE_ROUNDS = 8;

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void keepsInvariantsAndConvergesUnderRandomHistories(int seed) {
    Random random = new Random(seed);
    FakeReplicaSet set = FakeReplicaSet.bootstrapped();
    int nextId = 1;
    for (int i = 0; i < EVENTS; i++) {
      switch (random.nextInt(7)) {
        case 0 -> killKeepingAMajority(set, random);
        case 1 -> pick(random, ids(set, (id, m) -> !m.alive)).ifPresent(set::revive);
        case 2 -> pick(random, ids(set, (id, m) -> m.alive)).ifPresent(set::catchUp);
        case 3 -> toggleWantsVote(set, random);
        case 4 -> {
          if (set.controllers().size() < 9) {
            set.addController(Integer.toString(nextId++), true);
          }
        }
        case 5 -> pick(random, removable(set)).ifPresent(set::removeController);
        default -> { } // time passes with nothing new
      }
      if (random.nextInt(4) != 0) {
        set.step();
      }
    }

    set.settle(SETTLE_ROUNDS);

    PeerGroupPlan steady = set.step();
    assertThat(steady.isSteady()).isTrue();
    if (steady.problems().isEmpty()) {
      assertThat(set.voters()).as("only controllers wanting a vote vote\n%s", set.describe())
          .allMatch(id -> set.controllers().containsKey(id)
              && set.controllers().get(id).wantsVote());
      long waiting = set.controllers().values().stream()
          .filter(c -> c.wantsVote() && !set.voters().contains(c.machineId()))
          .filter(c -> set.members().containsKey(c.machineId())
              && set.members().get(c.machineId()).alive)
          .count();
      assertThat(waiting).as("ready members left without a vote\n%s", set.describe())
          .isLessThanOrEqualTo(set.voters().size() == 7 ? 2 : 1);
    }
  }

  private static void killKeepingAMajority(FakeReplicaSet set, Random random) {
    List<String> voters = set.voters();
    long aliveVoters = voters.stream().filter(id -> set.members().get(id).alive).count();
    pick(random, ids(set, (id, m) -> m.alive)).ifPresent(id -> {
      long after = aliveVoters - (voters.contains(id) ? 1 : 0);
      if (after * 2 > voters.size()) {
        set.kill(id);
      }
    });
  }

  private static void toggleWantsVote(FakeReplicaSet set, Random random) {
    List<String> ids = new ArrayList<>(set.controllers().keySet());
    String id = ids.get(random.nextInt(ids.size()));
    boolean wants = set.controllers().get(id).wantsVote();
    long wanting = set.controllers().values().stream().filter(PeerController::wantsVote).count();
    if (wants ? wanting > 1 : wanting < 7) {
      set.setWantsVote(id, !wants);
    }
  }

  /** Controllers enable-ha could remove: not wanting a vote, their member not voting. */
  private static List<String> removable(FakeReplicaSet set) {
    return set.controllers().values().stream()
        .filter(c -> !c.wantsVote())
        .filter(c -> !set.members().containsKey(c.machineId())
            || !set.members().get(c.machineId()).voting)
        .map(PeerController::machineId).toList();
  }

  private static List<String> ids(FakeReplicaSet set,
      BiPredicate<String, FakeReplicaSet.Member> filter) {
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, FakeReplicaSet.Member> e : set.members().entrySet()) {
      if (filter.test(e.getKey(), e.getValue())) {
        ids.add(e.getKey());
      }
    }
    return ids;
  }

  private static Optional<String> pick(Random random, List<String> ids) {
    return ids.isEmpty() ? Optional.empty()
        : Optional.of(ids.get(random.nextInt(ids.size())));
  }
}
