package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupService;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code download-backup ID}: a kept backup's archive, to a local file. */
@Command(name = "download-backup", mixinStandardHelpOptions = true,
    description = "Download a backup the controllers keep; the file is verified and mode 0600.")
final class DownloadBackupCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "ID", description = "The backup's id.")
  String id;

  @Option(names = "--filename", paramLabel = "FILE",
      description = "Where to write it. Default: hactl-backup-<id>.zip here.")
  Path filename;

  @Override
  void run() throws HactlException {
    Path target = filename != null ? filename : Path.of("hactl-backup-" + id + ".zip");
    try (BackupService backups = session().backups(environment())) {
      Path written = backups.download(id, target);
      out().println("downloaded to " + written.toAbsolutePath().normalize());
    }
  }
}
