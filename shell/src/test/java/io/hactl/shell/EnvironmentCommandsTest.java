package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvironmentCommandsTest {

  private final ShellHarness shell = new ShellHarness();

  @Test
  void environmentsMarksTheCurrentOne() {
    ShellHarness.Run run = shell.run("environments");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        NAME     TYPE   DEFAULT  BOOTSTRAPPED
        local*   local  yes      yes
        staging  local  no       no
        """);
  }

  @Test
  void environmentsListsEveryOneWhenNoneIsCurrent() {
    shell.core.current = null;

    ShellHarness.Run run = shell.run("environments");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\nlocal    local").doesNotContain("*");
  }

  @Test
  void environmentsAsYamlIsKeyedByName() {
    ShellHarness.Run run = shell.run("environments", "--format", "yaml");

    assertThat(run.out()).isEqualTo("""
        environments:
          local:
            type: local
            default: true
            current: true
            bootstrapped: true
          staging:
            type: local
            default: false
            current: false
            bootstrapped: false
        """);
  }

  @Test
  void switchChangesWhereLaterCommandsAct() {
    ShellHarness.Run run = shell.run("switch", "staging");
    shell.run("status");

    assertThat(run.out()).isEqualTo("local -> staging\n");
    assertThat(shell.core.client("staging").calls).containsExactly("status");
    assertThat(shell.core.client("local").calls).isEmpty();
  }

  @Test
  void switchWorksWhenNoEnvironmentIsChosenYet() {
    shell.core.current = null;

    ShellHarness.Run run = shell.run("switch", "staging");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("-> staging\n");
    assertThat(shell.core.current).isEqualTo("staging");
  }

  @Test
  void switchWithoutANameShowsTheCurrentEnvironment() {
    assertThat(shell.run("switch").out()).isEqualTo("local\n");
  }

  @Test
  void switchingToAnUnknownEnvironmentIsBadInput() {
    ShellHarness.Run run = shell.run("switch", "prod");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        "ERROR no environment named prod in environments.yaml; known: local, staging\n");
    assertThat(shell.core.current).isEqualTo("local");
  }

  @Test
  void theEnvironmentOptionWorksBeforeAndAfterTheVerb() {
    shell.run("-e", "staging", "add-machine");
    shell.run("add-machine", "--environment=staging");

    assertThat(shell.core.client("staging").calls)
        .containsExactly("add-machine 1", "add-machine 1");
    assertThat(shell.core.client("local").calls).isEmpty();
    assertThat(shell.core.current).isEqualTo("local");
  }

  @Test
  void oneClientPerEnvironmentIsOpenedAndReused() {
    shell.run("status");
    shell.run("status");
    shell.run("status", "-e", "staging");

    assertThat(shell.core.opened).isEqualTo(2);
  }

  @Test
  void noVerbOpensTheReplOnTheNamedEnvironment() {
    shell.run("-e", "staging");

    assertThat(shell.replOpenedOn).isEqualTo("staging");
  }

  @Test
  void helpListsEveryCommand() {
    ShellHarness.Run run = shell.run("help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("bootstrap", "status", "add-machine", "remove-machine",
        "destroy-environment", "environments", "switch", "dashboard", "enable-ha",
        "controllers", "show-controller");
  }

  @Test
  void helpOfOneCommandShowsItsFlags() {
    ShellHarness.Run run = shell.run("help", "status");

    assertThat(run.out()).contains("--format=FORMAT", "tabular, yaml, json", "-e, --environment");
  }

  @Test
  void dashboardShowsALiveFeedOfTheEnvironmentAndClosesItAfterwards() {
    ShellHarness.Run run = shell.run("dashboard", "-e", "staging");

    assertThat(run.exitCode()).isZero();
    assertThat(shell.console.dashboards).containsExactly("staging");
    assertThat(shell.console.feedOpenDuringDashboard).isTrue();
    assertThat(shell.core.client("staging").calls).containsExactly("watch 1000ms");
    assertThat(shell.core.client("staging").lastFeed.closed).isTrue();
  }

  @Test
  void dashboardRefusesAnAbsurdRefreshInterval() {
    ShellHarness.Run run = shell.run("dashboard", "--refresh", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(shell.console.dashboards).isEmpty();
  }
}
