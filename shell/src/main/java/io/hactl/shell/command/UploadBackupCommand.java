package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupService;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code upload-backup FILE}: hands a backup archive to the controllers to keep. */
@Command(name = "upload-backup", mixinStandardHelpOptions = true,
    description = "Verify a backup archive of this environment and store it on the controllers.")
final class UploadBackupCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "FILE", description = "The archive, as create-backup wrote it.")
  Path file;

  @Override
  void run() throws HactlException {
    try (BackupService backups = session().backups(environment())) {
      BackupMetadata uploaded = backups.upload(file);
      out().println("uploaded backup " + uploaded.id());
    }
  }
}
