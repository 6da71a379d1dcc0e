package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DestroyEnvironmentCommandTest {

  private final ShellHarness shell = new ShellHarness();

  @Test
  void withoutATerminalAndWithoutYesItRefusesAndDestroysNothing() {
    ShellHarness.Run run = shell.run("destroy-environment");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR cannot destroy environment local without"
        + " confirmation: no terminal to ask on; pass -y to confirm\n");
    assertThat(shell.core.client("local").calls).isEmpty();
  }

  @Test
  void withYesItDestroysWithoutAsking() {
    ShellHarness.Run run = shell.run("destroy-environment", "-y");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(
        "destroyed environment local: stopped local-0, local-1\n");
    assertThat(shell.console.questions).isEmpty();
    assertThat(shell.core.client("local").closed).isTrue();
  }

  @Test
  void typingTheEnvironmentNameConfirms() {
    shell.console.answers.add("local");

    ShellHarness.Run run = shell.run("destroy-environment");

    assertThat(run.exitCode()).isZero();
    assertThat(shell.console.questions.get(0)).contains("environment \"local\"");
    assertThat(shell.core.client("local").calls).containsExactly("destroy");
  }

  @Test
  void typingYConfirms() {
    shell.console.answers.add("y");

    assertThat(shell.run("destroy-environment").exitCode()).isZero();
  }

  @Test
  void anyOtherAnswerCancelsAndDestroysNothing() {
    shell.console.answers.add("no");

    ShellHarness.Run run = shell.run("destroy-environment");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(
        "ERROR destroy-environment local cancelled: nothing was destroyed\n");
    assertThat(shell.core.client("local").calls).isEmpty();
  }

  @Test
  void destroyAsksAboutTheEnvironmentNamedWithE() {
    shell.console.answers.add("staging");

    shell.run("destroy-environment", "-e", "staging");

    assertThat(shell.core.client("staging").calls).containsExactly("destroy");
    assertThat(shell.core.client("local").calls).isEmpty();
  }
}
