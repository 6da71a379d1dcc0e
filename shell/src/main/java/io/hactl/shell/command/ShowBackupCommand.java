package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupService;
import io.hactl.shell.render.BackupDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code show-backup ID}: one kept backup's metadata. */
@Command(name = "show-backup", mixinStandardHelpOptions = true,
    description = "Show the metadata of a backup the controllers keep.")
final class ShowBackupCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "ID", description = "The backup's id, as `hactl backups` lists it.")
  String id;

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    try (BackupService backups = session().backups(environment())) {
      BackupMetadata backup = backups.show(id);
      print(format.format(), BackupDocuments.backup(backup), BackupDocuments.text(backup));
    }
  }
}
