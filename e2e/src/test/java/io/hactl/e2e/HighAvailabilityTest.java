package io.hactl.e2e;

import static io.hactl.e2e.StatusProbe.machine;
import static io.hactl.e2e.StatusProbe.pid;
import static io.hactl.e2e.StatusProbe.voteStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's HA session, typed as an operator would, against real agents and members. */
@Tag("e2e")
class HighAvailabilityTest {

  private static final Duration CONVERGE = Duration.ofSeconds(90);

  @TempDir Path home;
  private Hactl hactl;
  private StatusProbe probe;

  @BeforeEach
  void bootstrap() throws Exception {
    hactl = new Hactl(home);
    probe = new StatusProbe(hactl);
    Hactl.Result bootstrap = hactl.run("bootstrap");
    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isZero();
  }

  @AfterEach
  void destroy() throws Exception {
    if (Files.exists(home.resolve("data/environments/local"))) {
      hactl.run("destroy-environment", "-y");
    }
  }

  @Test
  void recoversFromTheLossOfTheMasterAsTheSeedDescribes() throws Exception {
    assertOutput(hactl.run("enable-ha"), "maintaining machines: 0\nadding machines: 1, 2");
    JsonNode three = probe.await("controllers 0, 1, 2 with votes and a master", CONVERGE,
        s -> Stream.of("0", "1", "2").allMatch(id -> "has-vote".equals(voteStatus(s, id)))
            && !s.path("master").isNull());
    String oldMaster = three.path("master").asText();
    ProcessHandle.of(pid(three, oldMaster)).orElseThrow().destroyForcibly();

    String[] survivors = Stream.of("0", "1", "2").filter(id -> !id.equals(oldMaster))
        .toArray(String[]::new);
    probe.await("a new master after killing " + oldMaster + ", the survivors up and a warning"
        + " that one more loss breaks quorum", CONVERGE,
        s -> !s.path("master").isNull() && !s.path("master").asText().equals(oldMaster)
            && "down".equals(machine(s, oldMaster).path("agent-state").asText())
            && Stream.of(survivors).allMatch(
                id -> "started".equals(machine(s, id).path("agent-state").asText()))
            && s.path("warnings").toString().contains("losing one more controller"));

    assertOutput(hactl.run("enable-ha"), "maintaining machines: " + String.join(", ", survivors)
        + "\nadding machines: 3\ndemoting machines: " + oldMaster);
    probe.await("machine 3 with a vote and " + oldMaster + " without", CONVERGE,
        s -> "has-vote".equals(voteStatus(s, "3"))
            && "no-vote".equals(voteStatus(s, oldMaster)));

    Hactl.Result refused = hactl.run("remove-machine", "3");
    assertThat(refused.exitCode()).as("a voting controller cannot be removed").isEqualTo(2);
    assertThat(refused.err()).contains("enable-ha");

    assertOutput(hactl.run("enable-ha"), "maintaining machines: "
        + String.join(", ", survivors) + ", 3\nremoving machines: " + oldMaster);
    Hactl.Result removed = hactl.run("remove-machine", oldMaster);
    assertThat(removed.exitCode()).as(removed.toString()).isZero();

    JsonNode healed = probe.await("three voting controllers and no trace of " + oldMaster,
        CONVERGE, s -> machine(s, oldMaster).isMissingNode()
            && Stream.concat(Stream.of(survivors), Stream.of("3"))
                .allMatch(id -> "has-vote".equals(voteStatus(s, id))));
    assertThat(healed.path("ha").asText()).isEqualTo("3");
  }

  @Test
  void refusesInvalidCountsAndShrinkingWithExitCodeTwo() throws Exception {
    for (String n : new String[] {"4", "9", "-1"}) {
      Hactl.Result result = hactl.run("enable-ha", "-n", n);
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    }
    assertOutput(hactl.run("enable-ha", "-n", "5"),
        "maintaining machines: 0\nadding machines: 1, 2, 3, 4");
    Hactl.Result shrink = hactl.run("enable-ha", "-n", "3");
    assertThat(shrink.exitCode()).as(shrink.toString()).isEqualTo(2);
    assertThat(shrink.err()).contains("cannot reduce").contains("backup");
    probe.await("five voting controllers", CONVERGE,
        s -> Stream.of("0", "1", "2", "3", "4")
            .allMatch(id -> "has-vote".equals(voteStatus(s, id))));
  }

  private static void assertOutput(Hactl.Result result, String expected) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().strip()).isEqualTo(expected);
  }
}
