package io.hactl.e2e;

import static io.hactl.e2e.BootstrappedEnvironment.CONVERGE;
import static io.hactl.e2e.BootstrappedEnvironment.started;
import static io.hactl.e2e.StatusProbe.machine;
import static io.hactl.e2e.StatusProbe.voteStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed's HA behaviour, typed as an operator would, against real agents and members: its
 * recovery session, growing to five and seven controllers, losing the master twice in a row,
 * and every refusal enable-ha and remove-machine owe the user.
 */
@Tag("e2e")
class HighAvailabilityTest {

  /** Generous: the measured failover is a few seconds, but the machine is shared. */
  private static final Duration NEW_MASTER = Duration.ofSeconds(60);

  @RegisterExtension final BootstrappedEnvironment env = new BootstrappedEnvironment();

  @Test
  void recoversFromTheLossOfTheMasterAsTheSeedDescribes() throws Exception {
    assertOutput(env.ok("enable-ha"), "maintaining machines: 0\nadding machines: 1, 2");
    JsonNode three = env.awaitVoters(List.of("0", "1", "2"));
    String oldMaster = env.killMaster(three);

    String[] survivors = Stream.of("0", "1", "2").filter(id -> !id.equals(oldMaster))
        .toArray(String[]::new);
    env.probe().await("a new master after killing " + oldMaster + ", the survivors up and a"
        + " warning that one more loss breaks quorum", CONVERGE,
        s -> !s.path("master").isNull() && !s.path("master").asText().equals(oldMaster)
            && "down".equals(machine(s, oldMaster).path("agent-state").asText())
            && Stream.of(survivors).allMatch(id -> started(s, id))
            && s.path("warnings").toString().contains("losing one more controller"));

    assertOutput(env.ok("enable-ha"), "maintaining machines: " + String.join(", ", survivors)
        + "\nadding machines: 3\ndemoting machines: " + oldMaster);
    env.probe().await("machine 3 with a vote and " + oldMaster + " without", CONVERGE,
        s -> "has-vote".equals(voteStatus(s, "3"))
            && "no-vote".equals(voteStatus(s, oldMaster)));

    Hactl.Result refused = env.fails(2, "remove-machine", "3");
    assertThat(refused.err()).as("a voting controller cannot be removed")
        .contains("enable-ha");

    assertOutput(env.ok("enable-ha"), "maintaining machines: "
        + String.join(", ", survivors) + ", 3\nremoving machines: " + oldMaster);
    env.ok("remove-machine", oldMaster);

    JsonNode healed = env.probe().await("three voting controllers and no trace of "
        + oldMaster, CONVERGE, s -> machine(s, oldMaster).isMissingNode()
            && Stream.concat(Stream.of(survivors), Stream.of("3"))
                .allMatch(id -> "has-vote".equals(voteStatus(s, id))));
    assertThat(healed.path("ha").asText()).isEqualTo("3");
  }

  /**
   * One environment for the whole growth, since every step builds on the last: the refusals
   * (-n 4, -n 9, shrinking, removing a voter) are checked where they are most tempting.
   */
  @Test
  void growsToFiveThenSevenWithAnOddNumberOfVotersAtEveryObservedStep() throws Exception {
    for (String n : new String[] {"4", "9", "-1"}) {
      assertThat(env.fails(2, "enable-ha", "-n", n).err()).isNotBlank();
    }
    env.ok("add-machine");
    env.probe().await("plain machine 1 started", CONVERGE, s -> started(s, "1"));

    Hactl.Result five = env.ok("enable-ha", "-n", "5", "--to", "1");
    assertThat(five.out().strip().lines()).containsExactly("maintaining machines: 0",
        "adding machines: 2, 3, 4", "converting machines: 1");
    List<JsonNode> seen = new ArrayList<>();
    env.probe().await("five voting controllers", CONVERGE,
        observingVoters(seen, s -> votersAre(s, "0", "1", "2", "3", "4")));

    Hactl.Result shrink = env.fails(2, "enable-ha", "-n", "3");
    assertThat(shrink.err()).contains("cannot reduce").contains("backup");
    Hactl.Result removeVoter = env.fails(2, "remove-machine", "2");
    assertThat(removeVoter.err()).contains("enable-ha");

    assertOutput(env.ok("enable-ha", "-n", "7"),
        "maintaining machines: 0, 1, 2, 3, 4\nadding machines: 5, 6");
    JsonNode seven = env.probe().await("seven voting controllers", CONVERGE,
        observingVoters(seen, s -> votersAre(s, "0", "1", "2", "3", "4", "5", "6")));
    assertThat(seven.path("ha").asText()).isEqualTo("7");
    assertThat(seen.stream().filter(s -> votingCount(s) % 2 == 0)
        .map(JsonNode::toPrettyString).toList())
        .as("status reads with an even number of voters while growing").isEmpty();
  }

  /**
   * Five controllers lose their master, then the next one: each time another takes over within
   * seconds and runs the master's workers (a new machine gets provisioned), and enable-ha then
   * restores five voters.
   */
  @Test
  void survivesTheMasterBeingKilledTwiceInARowThenEnableHaRepairs() throws Exception {
    env.ok("enable-ha", "-n", "5");
    JsonNode status = env.awaitVoters(List.of("0", "1", "2", "3", "4"));
    List<String> killed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      String master = env.killMaster(status);
      Instant killedAt = Instant.now();
      killed.add(master);
      status = env.probe().await("a new master after killing " + master, NEW_MASTER,
          s -> !s.path("master").isNull() && !s.path("master").asText().isEmpty()
              && !killed.contains(s.path("master").asText()));
      String machineId = addMachineOnceAccepted(killedAt.plus(NEW_MASTER));
      added.add(machineId);
      status = env.probe().await("machine " + machineId + " provisioned by the new master",
          CONVERGE, s -> started(s, machineId) && !s.path("master").asText().isEmpty()
              && !killed.contains(s.path("master").asText()));
    }
    List<String> survivors = Stream.of("0", "1", "2", "3", "4")
        .filter(id -> !killed.contains(id)).toList();
    // The margin counts members the set sees as healthy, which can lag the agents' heartbeats.
    env.probe().await("the warning that one more loss loses quorum", CONVERGE,
        s -> s.path("warnings").toString().contains("losing one more controller"));

    Hactl.Result repair = env.ok("enable-ha");
    assertThat(repair.out().strip().lines()).containsExactly(
        "maintaining machines: " + String.join(", ", survivors),
        "adding machines: 7, 8",
        "demoting machines: " + String.join(", ", killed.stream().sorted().toList()));
    List<String> voters = new ArrayList<>(survivors);
    voters.addAll(List.of("7", "8"));
    env.probe().await("five voters again, the killed ones without a vote", CONVERGE,
        s -> voters.stream().allMatch(id -> "has-vote".equals(voteStatus(s, id)))
            && killed.stream().allMatch(id -> "no-vote".equals(voteStatus(s, id))));
    assertThat(added).containsExactly("5", "6");
  }

  /** Retries add-machine (a client write) until a master accepts it; returns the new id. */
  private String addMachineOnceAccepted(Instant deadline) throws Exception {
    Hactl.Result last = null;
    while (Instant.now().isBefore(deadline)) {
      last = env.hactl().run("add-machine");
      if (last.exitCode() == 0) {
        return last.out().replaceAll("(?s).*?(\\d+)\\s*$", "$1");
      }
    }
    throw new AssertionError("no master accepted add-machine in time; last attempt:\n" + last);
  }

  /** Records every status read that names a master, then tests {@code condition}. */
  private static Predicate<JsonNode> observingVoters(List<JsonNode> seen,
      Predicate<JsonNode> condition) {
    return s -> {
      if (!s.path("master").asText().isEmpty()) {
        seen.add(s);
      }
      return condition.test(s);
    };
  }

  /** How many controllers' members vote, as status reports them. */
  private static int votingCount(JsonNode status) {
    int voting = 0;
    for (JsonNode m : status.path("machines")) {
      voting += m.path("member").path("has-vote").asBoolean(false) ? 1 : 0;
    }
    return voting;
  }

  private static boolean votersAre(JsonNode status, String... ids) {
    return Stream.of(ids).allMatch(id -> "has-vote".equals(voteStatus(status, id)));
  }

  private static void assertOutput(Hactl.Result result, String expected) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().strip()).isEqualTo(expected);
  }
}
