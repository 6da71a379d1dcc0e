package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupService;
import io.hactl.shell.render.BackupDocuments;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backups}: the backups the controllers keep, newest first. */
@Command(name = "backups", mixinStandardHelpOptions = true,
    description = "List the backups the controllers keep, newest first.")
final class BackupsCommand extends EnvironmentCommand {

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    try (BackupService backups = session().backups(environment())) {
      List<BackupMetadata> all = backups.list();
      print(format.format(), BackupDocuments.backups(all), BackupDocuments.table(all));
    }
  }
}
