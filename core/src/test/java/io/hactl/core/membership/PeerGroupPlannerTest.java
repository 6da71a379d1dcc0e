package io.hactl.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One round of the peer-group planner per row; notation in {@link PeerSpec}. */
class PeerGroupPlannerTest {

  static Stream<Arguments> rounds() {
    return Stream.of(
        row("new controllers join as non-voting members", "0W 1W 2W", "0VP",
            "reconfigure voters=0 members=0,1,2"),
        row("members still syncing wait", "0W 1W 2W", "0VP 1N2l 2N2l",
            "steady voters=0 members=0,1,2"),
        row("one ready member waits for a second", "0W 1W 2W", "0VP 1NS 2N2l",
            "steady voters=0 members=0,1,2"),
        row("two ready members get their votes together", "0W 1W 2W", "0VP 1NS 2NS",
            "reconfigure voters=0,1,2 members=0,1,2"),
        row("a lagging secondary gets no vote", "0W 1W 2W", "0VP 1NSl 2NS",
            "steady voters=0 members=0,1,2"),
        row("an unhealthy secondary gets no vote", "0W 1W 2W", "0VP 1NSu 2NS",
            "steady voters=0 members=0,1,2"),
        row("three grow to five", "0W 1W 2W 3W 4W", "0VP 1VS 2VS 3NS 4NS",
            "reconfigure voters=0,1,2,3,4 members=0,1,2,3,4"),
        row("five grow to seven", "0W 1W 2W 3W 4W 5W 6W", "0VP 1VS 2VS 3VS 4VS 5NS 6NS",
            "reconfigure voters=0,1,2,3,4,5,6 members=0,1,2,3,4,5,6"),
        row("at most two votes are given per round", "0W 1W 2W 3W 4W 5W 6W 7W 8W",
            "0VP 1NS 2NS 3NS 4NS 5NS 6NS 7NS 8NS",
            "reconfigure voters=0,1,2 members=0,1,2,3,4,5,6,7,8"),
        row("never more than seven voters", "0W 1W 2W 3W 4W 5W 6W 7W 8W",
            "0VP 1VS 2VS 3VS 4VS 5NS 6NS 7NS 8NS",
            "reconfigure voters=0,1,2,3,4,5,6 members=0,1,2,3,4,5,6,7,8"),
        row("an even number wanting a vote leaves one waiting", "0W 1W 2W 3W",
            "0VP 1VS 2VS 3NS", "steady voters=0,1,2 members=0,1,2,3"),
        row("a demoted down voter loses its vote and one more is demoted", "0 1W 2W 3W",
            "0VD 1VP 2VS", "reconfigure voters=1 members=0,1,2,3"),
        row("the replacement and the standby vote once ready", "0 1W 2W 3W", "0ND 1VP 2NS 3NS",
            "reconfigure voters=1,2,3 members=0,1,2,3"),
        row("a removed controller's member is dropped", "1W 2W 3W", "0ND 1VP 2VS 3VS",
            "reconfigure voters=1,2,3 members=1,2,3"),
        row("only removals: the highest non-primary is demoted too", "0W 1W 2W 3W 4",
            "0VP 1VS 2VS 3VS 4VS", "reconfigure voters=0,1,2 members=0,1,2,3,4"),
        row("only removals: an unhealthy voter is demoted first", "0W 1W 2W 3W 4",
            "0VP 1VD 2VS 3VS 4VS", "reconfigure voters=0,2,3 members=0,1,2,3,4"),
        row("a primary losing its vote steps down first", "0 1W 2W 3W", "0VP 1VS 2VS 3NS",
            "step-down voters=0,1,2 members=0,1,2,3"),
        row("after stepping down it loses its vote", "0 1W 2W 3W", "0VS 1VP 2VS 3NS",
            "reconfigure voters=1,2,3 members=0,1,2,3"),
        row("other changes come before the primary steps down", "0 1W 2W 3W 4W",
            "0VP 1VS 2VS 3NS 4NS", "reconfigure voters=0,1,2,3,4 members=0,1,2,3,4"),
        row("a sole-voter primary keeps its vote", "0 1W", "0VP 1NS",
            "steady voters=0 members=0,1 problems=1"),
        row("a primary without a healthy secondary to take over stays", "0 1W 2W",
            "0VP 1VR 2VR", "steady voters=0,1,2 members=0,1,2 problems=1"),
        row("a voting member of no controller stops all change", "0W 1W 2W", "0VP 1VS 9VS 2NS",
            "steady voters=0,1,9 members=0,1,2,9 problems=1"),
        row("a non-voting member of no controller is dropped", "0W 1W 2W", "0VP 1VS 2VS 9NS",
            "reconfigure voters=0,1,2 members=0,1,2"),
        row("without a primary nothing changes", "0W 1W 2W", "0VS 1VS 2VD",
            "steady voters=0,1,2 members=0,1,2 problems=1"),
        row("an unprovisioned controller waits for its address", "0W 1W@ 2W", "0VP",
            "reconfigure voters=0 members=0,2"),
        row("removing healthy voters waits while down ones would be the majority",
            "0W 1 2 3W 4W", "0VP 1VS 2VS 3VD 4VD",
            "steady voters=0,1,2,3,4 members=0,1,2,3,4 problems=1"),
        row("a controller not wanting a vote stays a non-voting standby", "0W 1W 2W 3",
            "0VP 1VS 2VS 3NS", "steady voters=0,1,2 members=0,1,2,3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rounds")
  void plansOneRoundKeepingTheInvariants(String name, String controllers, String members,
      String expected) {
    PeerGroupObservation observed = PeerSpec.observation(controllers, members);

    PeerGroupPlan plan = new PeerGroupPlanner().plan(observed);

    assertThat(PeerSpec.summary(plan)).isEqualTo(expected);
    PlanInvariants.check(observed, plan, () -> name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rounds")
  void plansTheSameWhateverTheInputOrder(String name, String controllers, String members,
      String expected) {
    PeerGroupObservation observed = PeerSpec.observation(controllers, members);
    List<PeerController> shuffledControllers = new ArrayList<>(observed.controllers());
    List<ObservedMember> shuffledMembers = new ArrayList<>(observed.members());
    Collections.shuffle(shuffledControllers, new Random(name.hashCode()));
    Collections.shuffle(shuffledMembers, new Random(name.hashCode() + 1));

    PeerGroupPlan plan = new PeerGroupPlanner()
        .plan(new PeerGroupObservation(shuffledControllers, shuffledMembers));

    assertThat(plan).isEqualTo(new PeerGroupPlanner().plan(observed));
  }

  @Test
  void reportsVoteChangesAndHasVoteForTheCallerToRecord() {
    PeerGroupPlan plan = new PeerGroupPlanner()
        .plan(PeerSpec.observation("0 1W 2W 3W 4W@", "0VS 1VP 2VS 3NS"));

    assertThat(plan.votesAdded()).containsExactly("3");
    assertThat(plan.votesRemoved()).containsExactly("0");
    assertThat(plan.hasVote()).containsExactly(Map.entry("0", false),
        Map.entry("1", true), Map.entry("2", true),
        Map.entry("3", true), Map.entry("4", false));
    assertThat(plan.members()).extracting(DesiredMember::votes, DesiredMember::priority)
        .containsExactly(tuple(0, 0),
            tuple(1, 1), tuple(1, 1),
            tuple(1, 1));
  }

  @Test
  void syncsHasVoteFromTheRealSetWhenNothingMayChange() {
    PeerGroupPlan plan = new PeerGroupPlanner()
        .plan(PeerSpec.observation("0W 1W 2W", "0VP 1VS 9VS 2NS"));

    assertThat(plan.hasVote()).containsEntry("0", true).containsEntry("1", true)
        .containsEntry("2", false);
    assertThat(plan.problems()).containsExactly("voting member 127.0.0.1:37009 belongs to no"
        + " controller; remove it from the replica set by hand or restore its controller");
  }

  private static Arguments row(Object... values) {
    return Arguments.of(values);
  }
}
