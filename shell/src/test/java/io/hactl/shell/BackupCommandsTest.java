package io.hactl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hactl.core.EnvironmentSummary;
import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupService;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.shell.command.HactlCommand;
import io.hactl.shell.session.CoreAccess;
import io.hactl.shell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backup verbs: what they print, what they refuse, and restore's confirmation. */
class BackupCommandsTest {

  final FakeBackupService backups = new FakeBackupService();
  final FakeConsole console = new FakeConsole();
  final Session session = new Session(new BackupCoreAccess(new FakeCoreAccess(), backups),
      console);

  @Test
  void createBackupPrintsTheIdThenWhereItWasDownloaded() {
    ShellHarness.Run run = run("create-backup", "--filename", "/tmp/b.zip", "before", "upgrade");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("20240506-100000." + FakeBackupService.UUID + "\ndownloaded to /tmp/b.zip\n",
        run.out());
    assertEquals(List.of("before upgrade"), backups.notes);
    assertTrue(backups.closed, "the service is closed after the command");
  }

  @Test
  void createBackupWithNoDownloadPrintsOnlyTheId() {
    ShellHarness.Run run = run("create-backup", "--no-download");
    assertEquals("20240506-100000." + FakeBackupService.UUID + "\n", run.out());
  }

  @Test
  void createBackupRefusesAFilenameWithNoDownload() {
    ShellHarness.Run run = run("create-backup", "--no-download", "--filename", "x.zip");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("contradict"), run.err());
  }

  @Test
  void backupsListsNewestFirstAsATableOrJson() {
    backups.kept.add(FakeBackupService.backup("20240506-100000", "newer"));
    backups.kept.add(FakeBackupService.backup("20240505-100000", "older"));
    String table = run("backups").out();
    assertTrue(table.startsWith("ID "), table);
    assertTrue(table.indexOf("newer") < table.indexOf("older"), table);
    assertTrue(table.contains("2.0K"), table);
    String json = run("backups", "--format", "json").out();
    assertTrue(json.contains("\"checksum-format\""), json);
  }

  @Test
  void removeBackupTakesAnIdOrKeepLatestButNotBoth() {
    backups.kept.add(FakeBackupService.backup("20240506-100000", "a"));
    backups.kept.add(FakeBackupService.backup("20240505-100000", "b"));
    assertEquals(2, run("remove-backup").exitCode());
    assertEquals(2, run("remove-backup", "x", "--keep-latest", "1").exitCode());
    ShellHarness.Run kept = run("remove-backup", "--keep-latest", "1");
    assertEquals("removed 1 backup: 20240505-100000." + FakeBackupService.UUID + "\n",
        kept.out());
  }

  @Test
  void restoreNeedsExactlyOneOfFileAndId() {
    assertEquals(2, run("restore-backup", "-b").exitCode());
    assertEquals(2, run("restore-backup", "-b", "--file", "f", "--id", "i").exitCode());
  }

  @Test
  void restoreAsksBeforeStoppingAndCancelsOnNo() {
    console.answers.add("n");
    ShellHarness.Run run = run("restore-backup", "-b", "--file", "b.zip");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("nothing was changed"), run.err());
    assertTrue(console.questions.get(0).startsWith("Restoring first stops local-machine-0"));
    assertEquals(Path.of("b.zip"), backups.restores.get(0).file());
    assertTrue(backups.restores.get(0).bootstrap());
  }

  @Test
  void restoreWithoutATerminalNeedsYes() {
    ShellHarness.Run run = run("restore-backup", "-b", "--id", "x");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("pass -y"), run.err());
  }

  @Test
  void restoreWithYesSaysWhatItDidAndWhatToRunNext() {
    ShellHarness.Run run = run("restore-backup", "-b", "-y", "--force", "--file", "b.zip");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(console.questions.isEmpty());
    assertTrue(backups.restores.get(0).force());
    assertEquals("restored backup 20240506-100000." + FakeBackupService.UUID
        + " into environment local in 9s\ncontroller: machine 4 at 127.0.0.1:24001\n"
        + "stopped: local-machine-0\nmachines: 3, 4\nreconnecting: 3\n"
        + "run `hactl enable-ha` to add controllers again\n", run.out());
  }

  private ShellHarness.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    HactlCommand root = new HactlCommand(session, pinned -> 0);
    int code = CommandLines.create(root, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
    return new ShellHarness.Run(code, out.toString(), err.toString());
  }

  /** The fake core, with backups. */
  private record BackupCoreAccess(FakeCoreAccess core, BackupService backups)
      implements CoreAccess {
    @Override
    public String currentEnvironmentName() throws HactlException {
      return core.currentEnvironmentName();
    }

    @Override
    public List<EnvironmentSummary> listEnvironments() {
      return core.listEnvironments();
    }

    @Override
    public void switchEnvironment(String name) throws HactlException {
      core.switchEnvironment(name);
    }

    @Override
    public EnvironmentClient openClient(String environmentName) throws HactlException {
      return core.openClient(environmentName);
    }

    @Override
    public BackupService openBackups(String environmentName) {
      return backups;
    }

    @Override
    public void close() {}
  }
}
