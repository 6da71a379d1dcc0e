package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hactl.core.HactlException;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.EventView;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

  private final ShellHarness shell = new ShellHarness();

  @Test
  void tabularStatusShowsTheEnvironmentHeaderAndOneRowPerMachine() {
    ShellHarness.Run run = shell.run("status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("""
        environment: local
        provider:    local
        uuid:        uuid-local
        state:       reachable
        ha:          none
        master:      machine 0

        MACHINE  STATE    ADDRESS    INSTANCE  PID   PORTS  MEMBER   VOTE      JOBS
        0*       started  127.0.0.1  local-0   4242  37017  PRIMARY  has-vote  host-units,manage-environ
        1        started  127.0.0.1  local-1   4243  -      -        -         host-units

        * master: its member is the primary (ha-primary)
        """);
  }

  @Test
  void tabularStatusOfAnUnreachableEnvironmentSaysWhyAndListsWarnings() {
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, false, Snapshots.NOW, null, List.of(Snapshots.controller("0", "DOWN", false)),
        "no controller answered within 5s", List.of("controller 0 is down"));

    ShellHarness.Run run = shell.run("status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("state:       unreachable: no controller answered within 5s")
        .contains("ha:          unknown")
        .contains("master:      unknown")
        .contains("warning: controller 0 is down");
  }

  @Test
  void anInstanceThatIsNotRunningShowsItsStateBesideItsId() {
    EnvironmentStatus healthy = Snapshots.healthy("local");
    MachineStatus stopped = new MachineStatus("1", List.of("host-units"), "alive",
        "local-1", "missing", List.of(), Map.of(), Map.of(), "down", null,
        null);
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, true, Snapshots.NOW, "0", List.of(healthy.machines().get(0), stopped), null,
        List.of());

    assertThat(shell.run("status").out())
        .contains("1        down     -          local-1 (missing)  -     -      -");
  }

  @Test
  void warningsComeRightUnderTheHeaderBeforeTheTable() {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    String out = shell.run("status").out();

    assertThat(out).contains("""
        ha:          2/3
        master:      machine 1

        warning: machine 0 is down (no heartbeat for more than 6s)
        warning: losing one more controller loses quorum: 2 of 3 voting controllers are up and\
         2 are needed; run `hactl enable-ha` to replace the down ones

        MACHINE""");
  }

  @Test
  void controllersShowTheirControllerMemberStatusAndTheMasterIsMarked() {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    String out = shell.run("status").out();

    assertThat(out)
        .contains("\n0        down     127.0.0.1  local-0   4242  37017  DOWN       has-vote")
        .contains("\n1*       started  127.0.0.1  local-1   4243  37018  PRIMARY    has-vote")
        .contains("\n2        started  127.0.0.1  local-2   4244  37019  SECONDARY  has-vote")
        .contains("\n3        started  127.0.0.1  local-3   4245  37020  SECONDARY  no-vote")
        .contains("\n* master: its member is the primary (ha-primary)\n");
  }

  @Test
  void jsonCarriesJujusControllerKeysAtTheMachineLevel() throws Exception {
    shell.core.client("local").status = Snapshots.haWithOneDown("local");

    JsonNode doc = new ObjectMapper().readTree(shell.run("status", "--format", "json").out());

    JsonNode machines = doc.get("machines");
    assertThat(machines.get("1").get("controller-member-status").asText()).isEqualTo("has-vote");
    assertThat(machines.get("1").get("ha-primary").asBoolean()).isTrue();
    assertThat(machines.get("0").get("ha-primary").asBoolean()).isFalse();
    assertThat(machines.get("3").get("controller-member-status").asText()).isEqualTo("no-vote");
    assertThat(machines.get("4").has("controller-member-status")).isFalse();
    assertThat(doc.get("ha").asText()).isEqualTo("2/3");
    assertThat(doc.get("warnings").get(1).asText()).startsWith("losing one more controller");
  }

  @Test
  void provisioningErrorsAreWarnedAboutAndRecentEventsAreShownAfterTheTable() {
    EnvironmentStatus healthy = Snapshots.healthy("local");
    MachineStatus failed = new MachineStatus("2", List.of("host-units"), "alive", null,
        "pending", List.of(), Map.of(), Map.of(), "pending", null, null,
        "port 37019 is in use");
    List<EventView> events = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      events.add(new EventView(Snapshots.NOW.minusSeconds(60 - i), "provisioning", "0",
          "event " + i));
    }
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, true, Snapshots.NOW, "0",
        List.of(healthy.machines().get(0), healthy.machines().get(1), failed), null,
        List.of("machine 2 cannot be provisioned: port 37019 is in use"), events);

    String out = shell.run("status").out();

    assertThat(out).contains("2        pending  -          (pending)")
        .contains("\nwarning: machine 2 cannot be provisioned: port 37019 is in use\n")
        .contains("recent events:\n  2026-11-25 09:59:02Z  provisioning machine 0: event 2\n")
        .doesNotContain("event 1\n")
        .endsWith("machine 0: event 6\n");
  }

  @Test
  void jsonCarriesEventsLagAndProvisioningErrors() throws Exception {
    EnvironmentStatus healthy = Snapshots.healthy("local");
    MachineStatus lagging = new MachineStatus("0", List.of("host-units", "manage-environ"),
        "alive", "local-0", "running", List.of(), Map.of(), Map.of(), "started", null,
        new MemberStatus("127.0.0.1:37017", "SECONDARY", true, true, false, 12), null);
    shell.core.client("local").status = new EnvironmentStatus("local", "uuid-local", "local",
        true, true, Snapshots.NOW, null, List.of(lagging, healthy.machines().get(1)), null,
        List.of(), List.of(new EventView(Snapshots.NOW, "election", "0", "0 became primary")));

    JsonNode doc = new ObjectMapper().readTree(shell.run("status", "--format", "json").out());

    assertThat(doc.get("machines").get("0").get("member").get("lag").asLong()).isEqualTo(12);
    assertThat(doc.get("machines").get("1").get("provisioning-error").isNull()).isTrue();
    assertThat(doc.get("events").get(0).get("kind").asText()).isEqualTo("election");
    assertThat(doc.get("events").get(0).get("at").asText()).isEqualTo("2026-11-25T10:00:00Z");
  }

  @Test
  void statusOfAnEnvironmentNotBootstrappedSaysHowToStart() {
    shell.core.client("local").status = Snapshots.notBootstrapped("local");

    ShellHarness.Run run = shell.run("status");

    assertThat(run.out()).contains("state:       not bootstrapped (run `hactl bootstrap`)")
        .doesNotContain("MACHINE");
  }

  @Test
  void jsonStatusHasEveryMachineFieldWithKebabCaseKeys() throws Exception {
    ShellHarness.Run run = shell.run("status", "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("environment").asText()).isEqualTo("local");
    assertThat(doc.get("master").asText()).isEqualTo("0");
    assertThat(doc.get("ha").asText()).isEqualTo("none");
    JsonNode controller = doc.get("machines").get("0");
    assertThat(controller.get("id").asText()).isEqualTo("0");
    assertThat(controller.get("jobs").toString())
        .isEqualTo("[\"host-units\",\"manage-environ\"]");
    assertThat(controller.get("instance-id").asText()).isEqualTo("local-0");
    assertThat(controller.get("instance-state").asText()).isEqualTo("running");
    assertThat(controller.get("addresses").get(0).asText()).isEqualTo("127.0.0.1");
    assertThat(controller.get("ports").get("state").asInt()).isEqualTo(37017);
    assertThat(controller.get("details").get("pid").asText()).isEqualTo("4242");
    assertThat(controller.get("agent-state").asText()).isEqualTo("started");
    assertThat(controller.get("last-heartbeat").asText()).isEqualTo("2026-11-25T09:59:58Z");
    JsonNode member = controller.get("member");
    assertThat(member.get("state").asText()).isEqualTo("PRIMARY");
    assertThat(member.get("has-vote").asBoolean()).isTrue();
    assertThat(member.get("wants-vote").asBoolean()).isTrue();
    assertThat(member.get("primary").asBoolean()).isTrue();
    assertThat(doc.get("machines").get("1").get("member").isNull()).isTrue();
  }

  @Test
  void yamlStatusCarriesTheSameDocument() throws Exception {
    ShellHarness.Run run = shell.run("status", "--format", "yaml");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("environment: local\n").contains("  \"1\":\n");
    JsonNode doc = new YAMLMapper().readTree(run.out());
    assertThat(doc.get("machines").get("0").get("member").get("has-vote").asBoolean()).isTrue();
    assertThat(doc.get("machines").get("1").get("details").get("pid").asText())
        .isEqualTo("4243");
  }

  @Test
  void statusRemembersMachineIdsForCompletion() {
    shell.run("status");

    assertThat(shell.session.knownMachines().ids("local")).containsExactly("0", "1");
  }

  @Test
  void anUnknownFormatIsBadInputWithAUsageHint() {
    ShellHarness.Run run = shell.run("status", "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(
        "ERROR Invalid value for option '--format': expected one of tabular, yaml, json but"
            + " was 'xml'\nSee 'hactl status --help'.\n");
  }

  @Test
  void noQuorumExitsWithItsOwnCode() {
    shell.core.client("local").failNext(new HactlException(HactlException.Kind.NO_QUORUM,
        "cannot read status of local: 0 of 3 controllers answer; restore from a backup"));

    ShellHarness.Run run = shell.run("status");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("ERROR cannot read status of local: 0 of 3 controllers"
        + " answer; restore from a backup\n");
  }
}
