package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hactl.core.status.EnvironmentStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowControllerCommandTest {

  private final ShellHarness shell = new ShellHarness();

  @Test
  void yamlIsTheDefaultAndShowsEachControllerMachineInJujusTerms() throws Exception {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    ShellHarness.Run run = shell.run("show-controller");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("local:\n  details:\n    uuid: uuid-local\n")
        .contains("""
                "1":
                  instance-id: local-1
                  address: 127.0.0.1:37018
                  ha-status: ha-enabled
                  ha-primary: true
                  agent-state: started
                  member-state: PRIMARY
                  controller-member-status: has-vote
                  wants-vote: true
                  has-vote: true
                  lag: 0
                  last-heartbeat: 2026-11-25T09:59:59Z
                  heartbeat-age: 1s ago
            """);
    JsonNode machines = new YAMLMapper().readTree(run.out()).get("local")
        .get("controller-machines");
    assertThat(machines.fieldNames()).toIterable().containsExactly("0", "1", "2", "3");
    assertThat(machines.get("0").get("ha-status").asText()).isEqualTo("down, lost connection");
    assertThat(machines.get("0").get("ha-primary").asBoolean()).isFalse();
    assertThat(machines.get("3").has("ha-status"))
        .as("a standby with no vote has no HA role, as in Juju").isFalse();
  }

  @Test
  void aControllerWhoseVoteIsBeingAddedOrRemovedIsPending() throws Exception {
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, true, Snapshots.NOW, "1", List.of(
            Snapshots.controller("0", "started", "SECONDARY", false, true, 0, 1),
            Snapshots.controller("1", "started", "PRIMARY", true, true, 0, 1),
            Snapshots.controller("2", "started", "STARTUP2", true, false, 900, 1),
            Snapshots.controller("3", "pending", "UNKNOWN", true, true, -1, 1)),
        null, List.of());

    JsonNode machines = new ObjectMapper()
        .readTree(shell.run("show-controller", "--format", "json").out())
        .get("local").get("controller-machines");

    assertThat(machines.get("0").get("ha-status").asText()).isEqualTo("ha-pending");
    assertThat(machines.get("0").get("controller-member-status").asText())
        .isEqualTo("removing-vote");
    assertThat(machines.get("1").get("ha-status").asText()).isEqualTo("ha-enabled");
    assertThat(machines.get("2").get("ha-status").asText()).isEqualTo("ha-pending");
    assertThat(machines.get("2").get("controller-member-status").asText())
        .isEqualTo("adding-vote");
    assertThat(machines.get("3").get("ha-status").asText())
        .as("an agent not started yet").isEqualTo("ha-pending");
  }

  @Test
  void namedIdsShowOnlyThoseControllers() throws Exception {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    JsonNode doc = new ObjectMapper()
        .readTree(shell.run("show-controller", "2", "0", "--format", "json").out());

    assertThat(doc.get("local").get("controller-machines").fieldNames()).toIterable()
        .containsExactly("2", "0");
    JsonNode details = doc.get("local").get("details");
    assertThat(details.get("ha").asText()).isEqualTo("2/3");
    assertThat(details.get("master").asText()).isEqualTo("1");
    assertThat(details.get("quorum").get("holds").asBoolean()).isTrue();
    assertThat(details.get("warnings")).hasSize(2);
  }

  @Test
  void anUnknownIdOrAPlainMachineIsBadInputNamingTheControllers() {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    ShellHarness.Run unknown = shell.run("show-controller", "9");
    ShellHarness.Run plain = shell.run("show-controller", "4");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err()).isEqualTo(
        "ERROR no machine 9 in local; its controllers are 0, 1, 2, 3\n");
    assertThat(plain.exitCode()).isEqualTo(2);
    assertThat(plain.err()).isEqualTo(
        "ERROR machine 4 is not a controller of local; its controllers are 0, 1, 2, 3\n");
  }

  @Test
  void namedIdsOfAnUnreachableEnvironmentAreAFailure() throws Exception {
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, false, Snapshots.NOW, null, List.of(), "no controller answers (0 of 1 up:"
        + " 127.0.0.1:37017)", List.of());

    ShellHarness.Run named = shell.run("show-controller", "0");
    ShellHarness.Run all = shell.run("show-controller");

    assertThat(named.exitCode()).isEqualTo(1);
    assertThat(named.err()).isEqualTo("ERROR cannot show controller 0 of local: state is"
        + " unreachable: no controller answers (0 of 1 up: 127.0.0.1:37017)\n");
    assertThat(all.exitCode()).isZero();
    JsonNode doc = new YAMLMapper().readTree(all.out()).get("local");
    assertThat(doc.get("details").get("reachable").asBoolean()).isFalse();
    assertThat(doc.get("details").get("problem").asText())
        .isEqualTo("no controller answers (0 of 1 up: 127.0.0.1:37017)");
    assertThat(doc.get("controller-machines").isEmpty()).isTrue();
  }

  @Test
  void tabularIsNotAFormatOfShowController() {
    ShellHarness.Run run = shell.run("show-controller", "--format", "tabular");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ERROR Invalid value for option '--format': expected one"
        + " of yaml, json but was 'tabular'\n");
  }
}
