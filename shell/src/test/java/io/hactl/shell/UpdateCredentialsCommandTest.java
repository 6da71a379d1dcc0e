package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.HactlException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateCredentialsCommandTest {

  private final ShellHarness shell = new ShellHarness();

  @Test
  void storesTheProvidersCredentialsAndNamesThemWithoutValues() {
    ShellHarness.Run run = shell.run("update-credentials");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Updated the credentials of environment local"
        + " (access-key-id, secret-access-key); the master uses them from its next provider"
        + " call\n");
    assertThat(shell.core.client("local").calls).containsExactly("update-credentials");
  }

  @Test
  void saysSoWhenTheProviderNeedsNone() {
    shell.core.client("local").credentialNames = List.of();

    assertThat(shell.run("update-credentials").out()).isEqualTo("Provider aws of environment"
        + " local needs no credentials on its controllers; nothing was stored\n");
  }

  @Test
  void asJsonGivesTheNamesAndWhenTheyWereStored() {
    ShellHarness.Run run = shell.run("update-credentials", "--format=json");

    assertThat(run.out()).contains("\"credentials\" : [ \"access-key-id\","
        + " \"secret-access-key\" ]").contains("\"updated\" : \"2026-11-26T04:30:00Z\"");
  }

  @Test
  void aRefusalPrintsCoresOneLineAndItsExitCode() {
    shell.core.client("local").failNext(HactlException.badInput("cannot update the credentials"
        + " of environment local: this client does not hold its credential key"));

    ShellHarness.Run run = shell.run("update-credentials");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR cannot update the credentials of environment local:"
        + " this client does not hold its credential key\n");
  }
}
