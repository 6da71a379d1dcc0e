package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hactl.core.status.EnvironmentStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllersCommandTest {

  private final ShellHarness shell = new ShellHarness();

  @Test
  void oneControllerHasNoHaAndCannotLoseAny() {
    ShellHarness.Run run = shell.run("controllers");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("""
        ENVIRONMENT  PROVIDER  CONTROLLERS  HA    MASTER  QUORUM
        local        local     1            none  0       can lose 0

        MACHINE  INSTANCE  ADDRESS          STATE    MEMBER   VOTE      LAG  HEARTBEAT
        0*       local-0   127.0.0.1:37017  started  PRIMARY  has-vote  -    2s ago

        * master: its member is the primary (ha-primary)
        """);
  }

  @Test
  void aDownControllerShowsInTheHaColumnTheQuorumMarginAndTheWarnings() {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    ShellHarness.Run run = shell.run("controllers");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        ENVIRONMENT  PROVIDER  CONTROLLERS  HA   MASTER  QUORUM
        local        local     4            2/3  1       can lose 0

        warning: machine 0 is down (no heartbeat for more than 6s)
        warning: losing one more controller loses quorum: 2 of 3 voting controllers are up\
         and 2 are needed; run `hactl enable-ha` to replace the down ones

        MACHINE  INSTANCE  ADDRESS          STATE    MEMBER     VOTE      LAG  HEARTBEAT
        0        local-0   127.0.0.1:37017  down     DOWN       has-vote  -    40s ago
        1*       local-1   127.0.0.1:37018  started  PRIMARY    has-vote  0    1s ago
        2        local-2   127.0.0.1:37019  started  SECONDARY  has-vote  3    2s ago
        3        local-3   127.0.0.1:37020  started  SECONDARY  no-vote   0    1s ago

        * master: its member is the primary (ha-primary)
        """);
  }

  @Test
  void allControllersUpShowTheCountAndTheMargin() {
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, true, Snapshots.NOW, "0", List.of(
            Snapshots.controller("0", "started", "PRIMARY", true, true, 0, 1),
            Snapshots.controller("1", "started", "SECONDARY", true, true, 0, 1),
            Snapshots.controller("2", "started", "SECONDARY", true, true, 0, 1),
            Snapshots.controller("3", "started", "SECONDARY", true, true, 0, 1),
            Snapshots.controller("4", "started", "SECONDARY", true, true, 0, 300)),
        null, List.of());

    assertThat(shell.run("controllers").out())
        .contains("local        local     5            5   0       can lose 2\n")
        .contains("\n4        local-4   127.0.0.1:37021  started  SECONDARY  has-vote  0"
            + "    5m ago\n");
  }

  @Test
  void lostQuorumSaysHowManyAreUpAndNeeded() {
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, true, Snapshots.NOW, null, List.of(
            Snapshots.controller("0", "down", "DOWN", true, true, -1, 60),
            Snapshots.controller("1", "down", "DOWN", true, true, -1, 60),
            Snapshots.controller("2", "started", "SECONDARY", true, true, -1, 1)),
        null, List.of());

    String out = shell.run("controllers").out();

    assertThat(out).contains("local        local     3            1/3  none    lost (1 of 3 up,"
        + " 2 needed)\n").doesNotContain("* master");
  }

  @Test
  void anUnreachableEnvironmentSaysWhyAndWhereToLook() {
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, false, Snapshots.NOW, null, List.of(), "no controller answers (0 of 3 up:"
        + " 127.0.0.1:37017, 127.0.0.1:37018, 127.0.0.1:37019)", List.of());

    ShellHarness.Run run = shell.run("controllers");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        ENVIRONMENT  PROVIDER  CONTROLLERS  HA       MASTER   QUORUM
        local        local     unknown      unknown  unknown  unknown

        state is unreachable: no controller answers (0 of 3 up: 127.0.0.1:37017,\
         127.0.0.1:37018, 127.0.0.1:37019)
        the machines the provider reports are in `hactl status`
        """);
  }

  @Test
  void anEnvironmentNeverBootstrappedIsBadInput() {
    shell.core.client("local").status = Snapshots.notBootstrapped("local");

    ShellHarness.Run run = shell.run("controllers");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR environment local is not bootstrapped; run `hactl"
        + " bootstrap -e local` first\n");
  }

  @Test
  void jsonCarriesTheSummaryQuorumAndEveryControllerMachine() throws Exception {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    ShellHarness.Run run = shell.run("controllers", "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("environment").asText()).isEqualTo("local");
    assertThat(doc.get("ha").asText()).isEqualTo("2/3");
    assertThat(doc.get("master").asText()).isEqualTo("1");
    JsonNode quorum = doc.get("quorum");
    assertThat(quorum.get("voters").asInt()).isEqualTo(3);
    assertThat(quorum.get("up").asInt()).isEqualTo(2);
    assertThat(quorum.get("needed").asInt()).isEqualTo(2);
    assertThat(quorum.get("can-lose").asInt()).isZero();
    JsonNode machines = doc.get("controller-machines");
    assertThat(machines.fieldNames()).toIterable().containsExactly("0", "1", "2", "3");
    assertThat(machines.get("0").get("ha-status").asText()).isEqualTo("down, lost connection");
    assertThat(machines.get("1").get("ha-primary").asBoolean()).isTrue();
    assertThat(machines.get("2").get("lag").asLong()).isEqualTo(3);
    assertThat(machines.get("2").get("controller-member-status").asText()).isEqualTo("has-vote");
    assertThat(machines.get("0").get("lag").isNull()).isTrue();
  }

  @Test
  void yamlCarriesTheSameDocument() throws Exception {
    ShellHarness.Run run = shell.run("controllers", "--format", "yaml");

    JsonNode doc = new YAMLMapper().readTree(run.out());
    assertThat(doc.get("ha").asText()).isEqualTo("none");
    assertThat(doc.get("controller-machines").get("0").get("instance-id").asText())
        .isEqualTo("local-0");
  }

  @Test
  void controllersRemembersWhichMachinesAreControllers() {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    shell.run("controllers");

    assertThat(shell.session.knownMachines().controllerIds("local"))
        .containsExactly("0", "1", "2", "3");
    assertThat(shell.session.knownMachines().nonControllerIds("local")).containsExactly("4");
  }
}
