package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code remove-backup ID | --keep-latest N}. */
@Command(name = "remove-backup", mixinStandardHelpOptions = true,
    description = "Remove a backup the controllers keep, or all but the newest N.")
final class RemoveBackupCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "ID", arity = "0..1", description = "The backup to remove.")
  String id;

  @Option(names = "--keep-latest", paramLabel = "N",
      description = "Remove every backup but the newest N.")
  Integer keepLatest;

  @Override
  void run() throws HactlException {
    if ((id == null) == (keepLatest == null)) {
      throw new ParameterException(spec.commandLine(),
          "remove-backup needs either a backup ID or --keep-latest N, not both or neither");
    }
    try (BackupService backups = session().backups(environment())) {
      if (id != null) {
        backups.remove(id);
        out().println("removed backup " + id);
        return;
      }
      List<String> removed = backups.keepLatest(keepLatest);
      out().println(removed.isEmpty() ? "no backups removed"
          : "removed " + removed.size() + (removed.size() == 1 ? " backup: " : " backups: ")
              + String.join(", ", removed));
    }
  }
}
