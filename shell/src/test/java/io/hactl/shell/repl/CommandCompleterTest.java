package io.hactl.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.shell.CommandLines;
import io.hactl.shell.FakeConsole;
import io.hactl.shell.FakeCoreAccess;
import io.hactl.shell.command.HactlCommand;
import io.hactl.shell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandCompleterTest {

  private final FakeCoreAccess core = new FakeCoreAccess();
  private final Session session = new Session(core, new FakeConsole());
  private CommandCompleter completer;

  @BeforeEach
  void setUp() throws Exception {
    PrintWriter out = new PrintWriter(new StringWriter());
    HactlCommand root = new HactlCommand(session, env -> 0);
    completer = new CommandCompleter(
        CommandLines.create(root, out, out).getCommandSpec(), session, () -> "local");
    session.listEnvironments();
  }

  /** Candidates for the last word of {@code line} (words separated by single spaces). */
  private List<String> complete(String line) {
    List<String> words = Arrays.asList(line.split(" ", -1));
    return completer.candidates(words, words.size() - 1);
  }

  @Test
  void firstWordOffersEveryVerbAndExit() {
    assertThat(complete("")).contains("bootstrap", "status", "add-machine", "remove-machine",
        "destroy-environment", "environments", "switch", "dashboard", "help", "exit", "quit");
  }

  @Test
  void aDashOffersTheVerbsFlags() {
    assertThat(complete("status -")).contains("--format", "-e", "--environment", "--verbose",
        "--help").doesNotContain("--force");
    assertThat(complete("remove-machine -")).contains("--force");
  }

  @Test
  void formatValuesAreOffered() {
    assertThat(complete("status --format ")).containsExactly("tabular", "yaml", "json");
  }

  @Test
  void environmentNamesAreOfferedForSwitchAndForE() {
    assertThat(complete("switch ")).containsExactly("local", "staging");
    assertThat(complete("status -e ")).containsExactly("local", "staging");
  }

  @Test
  void machineIdsComeFromTheLastStatusSeen() {
    assertThat(complete("remove-machine ")).isEmpty();

    session.knownMachines().saw(core.client("local").status);

    assertThat(complete("remove-machine ")).containsExactly("0", "1");
    assertThat(complete("remove-machine 0 ")).containsExactly("1");
  }

  @Test
  void machineIdsFollowTheEnvironmentNamedOnTheLine() throws Exception {
    session.knownMachines().added("staging", List.of("7"));

    assertThat(complete("remove-machine -e staging ")).containsExactly("7");
  }

  @Test
  void helpOffersVerbs() {
    assertThat(complete("help ")).contains("status", "bootstrap");
  }

  @Test
  void aVerbWithoutArgumentsOffersItsFlags() {
    assertThat(complete("add-machine ")).contains("-n", "--format");
  }

  @Test
  void theHaVerbsAreOfferedWithTheirFlags() {
    assertThat(complete("")).contains("enable-ha", "controllers", "show-controller");
    assertThat(complete("enable-ha -")).contains("-n", "--to", "--constraints", "--format");
    assertThat(complete("controllers -")).contains("--format", "-e");
  }

  @Test
  void enableHaOffersItsCountsAndFormats() {
    assertThat(complete("enable-ha -n ")).containsExactly("3", "5", "7");
    assertThat(complete("enable-ha --format ")).containsExactly("simple", "yaml", "json");
    assertThat(complete("show-controller --format ")).containsExactly("yaml", "json");
    assertThat(complete("controllers --format ")).containsExactly("tabular", "yaml", "json");
  }

  @Test
  void enableHaToOffersMachinesThatAreNotControllersYet() {
    session.knownMachines().saw(core.client("local").status);
    session.knownMachines().added("local", List.of("2", "3"));

    assertThat(complete("enable-ha --to ")).containsExactly("1", "2", "3");
    assertThat(complete("enable-ha --to 2,")).containsExactly("2,1", "2,3");
    assertThat(complete("enable-ha -e staging --to ")).isEmpty();
  }

  @Test
  void showControllerOffersControllerIdsNotYetTyped() {
    assertThat(complete("show-controller ")).isEmpty();

    session.knownMachines().saw(core.client("local").status);
    session.knownMachines().addedControllers("local", List.of("5"));

    assertThat(complete("show-controller ")).containsExactly("0", "5");
    assertThat(complete("show-controller 5 ")).containsExactly("0");
  }

  @Test
  void anUnknownVerbOffersNothing() {
    assertThat(complete("frobnicate ")).isEmpty();
  }
}
