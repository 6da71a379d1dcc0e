package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupService;
import io.hactl.core.backup.CreatedBackup;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code create-backup}: a snapshot of the environment's state, kept by the controllers. */
@Command(name = "create-backup", mixinStandardHelpOptions = true,
    description = {
        "Back up the environment's state: every collection and index, its identity and key.",
        "Prints the backup's id (<yyyymmdd-hhmmss>.<uuid>) and the file it was downloaded to."
            + " The controllers keep the newest 10 backups. The archive holds the replica"
            + " set's key: it is written with mode 0600, and sealed with a passphrase when"
            + " HACTL_BACKUP_PASSPHRASE is set."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:created", "1:failed", "2:bad input", "3:no quorum"})
final class CreateBackupCommand extends EnvironmentCommand {

  @Option(names = "--filename", paramLabel = "FILE",
      description = "Where to download the archive. Default: hactl-backup-<id>.zip here.")
  Path filename;

  @Option(names = "--no-download", description = "Keep the backup on the controllers only.")
  boolean noDownload;

  @Parameters(paramLabel = "NOTES", arity = "0..*", description = "Notes kept with the backup.")
  List<String> notes;

  @Override
  void run() throws HactlException {
    if (noDownload && filename != null) {
      throw new ParameterException(spec.commandLine(),
          "--filename and --no-download contradict each other; give one of them");
    }
    String environment = environment();
    String text = notes == null ? "" : String.join(" ", notes);
    try (BackupService backups = session().backups(environment)) {
      CreatedBackup created = backups.create(text,
          noDownload ? null : filename != null ? filename : Path.of("."));
      out().println(created.metadata().id());
      if (created.file() != null) {
        out().println("downloaded to " + created.file().toAbsolutePath().normalize());
      }
      if (!created.pruned().isEmpty()) {
        out().println("removed older backups: " + String.join(", ", created.pruned()));
      }
    }
  }
}
