package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hactl.core.HactlException;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.plugin.api.Placement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnableHaCommandTest {

  private final ShellHarness shell = new ShellHarness();

  private FakeEnvironmentClient local() {
    return shell.core.client("local");
  }

  @Test
  void withoutFlagsAsksForTheDefaultCountAndPrintsJujusSimpleFormat() {
    ShellHarness.Run run = shell.run("enable-ha");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("maintaining machines: 0\nadding machines: 2, 3\n");
    assertThat(local().calls).containsExactly("enable-ha -n 0 --to [] --constraints {}");
  }

  @Test
  void printsEveryKindOfChangeInJujusOrder() {
    local().enableHaResult = new EnableHaResult(List.of("1", "2"), List.of("5"), List.of("6"),
        List.of("7"), List.of("0"), List.of("4"));

    assertThat(shell.run("enable-ha").out()).isEqualTo("""
        maintaining machines: 1, 2
        adding machines: 5
        removing machines: 6
        promoting machines: 7
        demoting machines: 0
        converting machines: 4
        """);
  }

  @Test
  void passesCountPlacementAndConstraintsToCore() {
    ShellHarness.Run run = shell.run("enable-ha", "-n", "5", "--to", "4,5",
        "--constraints", "mem=4G cores=2");

    assertThat(run.exitCode()).isZero();
    assertThat(local().calls)
        .containsExactly("enable-ha -n 5 --to [4, 5] --constraints {mem=4G, cores=2}");
    assertThat(run.out()).isEqualTo(
        "maintaining machines: 0\nadding machines: 2, 3\nconverting machines: 4, 5\n");
  }

  @Test
  void repeatedConstraintsAreJoined() {
    shell.run("enable-ha", "--constraints", "mem=4G", "--constraints", "cores=2");

    assertThat(local().lastConstraints).containsExactly(Map.entry("mem", "4G"),
        Map.entry("cores", "2"));
  }

  @Test
  void yamlHasJujusKeysWithEveryListPresent() throws Exception {
    ShellHarness.Run run = shell.run("enable-ha", "--format", "yaml");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("maintained:\n- \"0\"\nadded:\n- \"2\"\n- \"3\"\n");
    JsonNode doc = new YAMLMapper().readTree(run.out());
    assertThat(doc.fieldNames()).toIterable().containsExactly(
        "maintained", "added", "removed", "promoted", "demoted", "converted");
    assertThat(doc.get("removed").isEmpty()).isTrue();
  }

  @Test
  void jsonHasTheSameDocument() throws Exception {
    ShellHarness.Run run = shell.run("enable-ha", "-n", "3", "--format", "json");

    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.get("maintained").toString()).isEqualTo("[\"0\"]");
    assertThat(doc.get("added").toString()).isEqualTo("[\"2\",\"3\"]");
    assertThat(doc.get("converted").toString()).isEqualTo("[]");
  }

  @Test
  void anEvenCountIsRefusedByCoreWithExitTwo() {
    ShellHarness.Run run = shell.run("enable-ha", "-n", "4");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("ERROR cannot enable-ha in local: must specify a number of"
        + " controllers odd and non-negative\n");
  }

  @Test
  void aCountAboveSevenIsRefusedByCoreWithExitTwo() {
    ShellHarness.Run run = shell.run("enable-ha", "-n", "9");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        "ERROR cannot enable-ha in local: controller count is too large (allowed 7)\n");
  }

  @Test
  void aCountThatIsNotANumberIsAUsageError() {
    ShellHarness.Run run = shell.run("enable-ha", "-n", "three");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ERROR Invalid value for option '-n': 'three' is not an int")
        .endsWith("See 'hactl enable-ha --help'.\n");
    assertThat(local().calls).isEmpty();
  }

  @Test
  void badConstraintSyntaxIsBadInputThatShowsTheForm() {
    ShellHarness.Run run = shell.run("enable-ha", "--constraints", "mem=4G cores");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR invalid constraints \"mem=4G cores\": 'cores' is"
        + " not KEY=VALUE; write KEY=VALUE pairs separated by spaces, e.g. \"mem=4G cores=2\"\n");
    assertThat(local().calls).isEmpty();
  }

  @Test
  void constraintsWithAnEmptyValueABadNameARepeatedOrUnknownKeyOrABadSizeAreBadInput() {
    assertThat(shell.run("enable-ha", "--constraints", "mem=").err())
        .contains(": mem has no value;");
    assertThat(shell.run("enable-ha", "--constraints", "Mem.x=1").err())
        .contains(": 'Mem.x' is not a constraint name");
    assertThat(shell.run("enable-ha", "--constraints", "mem=1G mem=2G").err())
        .contains(": mem is given twice;");
    assertThat(shell.run("enable-ha", "--constraints", "gpus=1").err())
        .contains(": unknown constraint 'gpus' (known: mem, cores, root-disk, instance-type,"
            + " arch, tags);");
    ShellHarness.Run badSize = shell.run("enable-ha", "--constraints", "mem=lots");
    assertThat(badSize.exitCode()).isEqualTo(2);
    assertThat(badSize.err()).contains(": mem=lots is not a size");
    assertThat(local().calls).isEmpty();
  }

  @Test
  void placementTakesMachineIdsAndZonesTogether() {
    ShellHarness.Run run = shell.run("enable-ha", "-n", "5", "--to", "4,zone=a,zone=b");

    assertThat(run.exitCode()).isZero();
    assertThat(local().calls).containsExactly("enable-ha -n 5 --to [4] --constraints {}");
    assertThat(local().lastPlacements).containsExactly(new Placement("a"), new Placement("b"));
  }

  @Test
  void placementRefusesOtherDirectivesAndRepeatedMachines() {
    ShellHarness.Run run = shell.run("enable-ha", "--to", "4,lxd:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR invalid placement \"lxd:1\": new machines can only"
        + " be placed in a zone, e.g. --to zone=us-east-1a\n");
    assertThat(shell.run("enable-ha", "--to", "4,4").err())
        .startsWith("ERROR --to names machine 4 twice\n");
    assertThat(local().calls).isEmpty();
  }

  @Test
  void noQuorumExitsWithThree() {
    local().failNext(new HactlException(HactlException.Kind.NO_QUORUM, "cannot enable-ha in"
        + " local: only 1 of 3 voting controllers is up and 2 are needed to elect a primary;"
        + " bring the down controllers back, or restore a backup into a new environment"));

    ShellHarness.Run run = shell.run("enable-ha");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ERROR cannot enable-ha in local: only 1 of 3 voting");
  }

  @Test
  void aConcurrentChangeIsAFailureWithExitOne() {
    local().failNext(HactlException.failure("cannot enable-ha in local: another enable-ha"
        + " changed the controllers at the same time; run enable-ha again to see the new plan",
        null));

    assertThat(shell.run("enable-ha").exitCode()).isEqualTo(1);
  }

  @Test
  void actsOnTheEnvironmentNamedWithE() {
    shell.run("enable-ha", "-e", "staging");

    assertThat(shell.core.client("staging").calls).hasSize(1);
    assertThat(local().calls).isEmpty();
  }

  @Test
  void newControllersAreRememberedForCompletion() {
    shell.run("enable-ha", "--to", "1");

    assertThat(shell.session.knownMachines().controllerIds("local")).containsExactly("1", "2");
  }

  @Test
  void aFormatOtherThanSimpleYamlOrJsonIsRefused() {
    ShellHarness.Run run = shell.run("enable-ha", "--format", "tabular");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ERROR Invalid value for option '--format': expected one"
        + " of simple, yaml, json but was 'tabular'\n");
  }

  @Test
  void helpExplainsTheCountAndTheExitCodes() {
    ShellHarness.Run run = shell.run("enable-ha", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("-n=N", "--to=ID|zone=NAME[,ID|zone=NAME...]", "--constraints=C",
        "simple, yaml, json", "odd, 3 to 7", "3   no quorum");
  }
}
