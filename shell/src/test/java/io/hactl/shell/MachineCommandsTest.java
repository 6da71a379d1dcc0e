package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.Placement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineCommandsTest {

  private final ShellHarness shell = new ShellHarness();

  @Test
  void bootstrapReportsTheFirstControllerAndHowLongItTook() {
    ShellHarness.Run run = shell.run("bootstrap");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Bootstrapped environment local in 4.2 s: controller"
        + " machine 0 on instance local-0, state at 127.0.0.1:37017\n");
    assertThat(shell.core.client("local").calls).containsExactly("bootstrap");
  }

  @Test
  void bootstrapAsJsonGivesTheResultRecord() {
    ShellHarness.Run run = shell.run("bootstrap", "--format=json");

    assertThat(run.out()).contains("\"state-address\" : \"127.0.0.1:37017\"")
        .contains("\"took-ms\" : 4200");
  }

  @Test
  void aFailedBootstrapPrintsCoresMessageAndItsExitCode() {
    shell.core.client("local").failNext(HactlException.badInput(
        "cannot bootstrap local: it is already bootstrapped; run `hactl status`"));

    ShellHarness.Run run = shell.run("bootstrap");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(
        "ERROR cannot bootstrap local: it is already bootstrapped; run `hactl status`\n");
  }

  @Test
  void addMachineAddsOneByDefaultAndSeveralWithN() {
    assertThat(shell.run("add-machine").out()).isEqualTo("created machine 2\n");
    assertThat(shell.run("add-machine", "-n", "2").out()).isEqualTo("created machines 3, 4\n");
    assertThat(shell.core.client("local").calls).containsExactly("add-machine 1", "add-machine 2");
    assertThat(shell.session.knownMachines().ids("local")).containsExactly("2", "3", "4");
  }

  @Test
  void addMachinePassesConstraintsAndZonesParsedByCore() {
    ShellHarness.Run run = shell.run("add-machine", "-n", "2", "--to", "zone=a,zone=b",
        "--constraints", "mem=4G", "--constraints", "cores=2");

    assertThat(run.exitCode()).isZero();
    FakeEnvironmentClient local = shell.core.client("local");
    assertThat(local.lastPlacements).containsExactly(new Placement("a"), new Placement("b"));
    assertThat(local.lastConstraints).containsExactly(Map.entry("mem", "4G"),
        Map.entry("cores", "2"));
  }

  @Test
  void addMachineRefusesUnknownConstraintsAndNonZonePlacementsWithExitCodeTwo() {
    ShellHarness.Run constraint = shell.run("add-machine", "--constraints", "ram=4G");
    ShellHarness.Run placement = shell.run("add-machine", "--to", "3");

    assertThat(constraint.exitCode()).isEqualTo(2);
    assertThat(constraint.err()).startsWith("ERROR invalid constraints \"ram=4G\": unknown"
        + " constraint 'ram'");
    assertThat(placement.exitCode()).isEqualTo(2);
    assertThat(placement.err()).isEqualTo("ERROR invalid placement \"3\": new machines can only"
        + " be placed in a zone, e.g. --to zone=us-east-1a\n");
    assertThat(shell.core.client("local").calls).isEmpty();
  }

  @Test
  void addMachineRefusesACountBelowOneWithoutCallingCore() {
    ShellHarness.Run run = shell.run("add-machine", "-n", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ERROR -n must be between 1 and 100, was 0\n")
        .endsWith("See 'hactl add-machine --help'.\n");
    assertThat(shell.core.client("local").calls).isEmpty();
  }

  @Test
  void addMachineRefusesACountThatIsNotANumber() {
    ShellHarness.Run run = shell.run("add-machine", "-n", "two");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'two' is not an int");
  }

  @Test
  void removeMachinePassesIdsAndForceToCore() {
    ShellHarness.Run run = shell.run("remove-machine", "1", "--force");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("removed machine 1\n");
    assertThat(shell.core.client("local").calls).containsExactly("remove-machine 1 --force");
  }

  @Test
  void removingAnUnknownMachineIsBadInput() {
    ShellHarness.Run run = shell.run("remove-machine", "9");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR cannot remove machine 9: no such machine in local;"
        + " run `hactl status` to see the machines\n");
  }

  @Test
  void removeMachineWithoutIdsIsBadInput() {
    ShellHarness.Run run = shell.run("remove-machine");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ERROR Missing required parameter: 'ID'");
  }

  @Test
  void anUnknownFlagIsOneLineAndAHint() {
    ShellHarness.Run run = shell.run("add-machine", "--bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        "ERROR Unknown option: '--bogus'\nSee 'hactl add-machine --help'.\n");
  }

  @Test
  void anUnexpectedErrorIsOneLineWithoutAStackTrace() {
    shell.core.client("local").failNext(new IllegalStateException("socket closed"));

    ShellHarness.Run run = shell.run("status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR unexpected IllegalStateException: socket closed"
        + " (run with --verbose for the stack trace)\n");
  }

  @Test
  void verboseAddsTheStackTraceWhereverItIsGiven() {
    shell.core.client("local").failNext(new IllegalStateException("socket closed"));
    ShellHarness.Run after = shell.run("status", "--verbose");
    shell.core.client("local").failNext(new IllegalStateException("socket closed"));
    ShellHarness.Run before = shell.run("--verbose", "status");

    assertThat(after.exitCode()).isEqualTo(1);
    assertThat(after.err()).startsWith("ERROR unexpected IllegalStateException: socket closed\n")
        .contains("java.lang.IllegalStateException: socket closed\n\tat ");
    assertThat(before.err()).contains("java.lang.IllegalStateException: socket closed\n\tat ");
  }
}
