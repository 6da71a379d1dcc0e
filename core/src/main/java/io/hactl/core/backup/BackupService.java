package io.hactl.core.backup;

import io.hactl.config.EnvironmentConfig;
import io.hactl.core.HactlException;
import java.nio.file.Path;
import java.util.List;

/**
 * Backups of one environment: created from its state, kept by its controllers, downloaded and
 * uploaded as archive files, and restored into a new controller. Obtained from
 * {@code HactlCore.backups(name)}; every method fails with a {@link HactlException} whose
 * message is fit to show as is.
 *
 * <pre>{@code
 * try (BackupService backups = core.backups("local")) {
 *   CreatedBackup created = backups.create("before upgrade", Path.of("b.zip"));
 *   backups.restore(RestoreRequest.fromFile(Path.of("b.zip"), true, false, prompt -> true));
 * }
 * }</pre>
 *
 * @since issue 8
 */
public interface BackupService extends AutoCloseable {

  /**
   * How many backups the controllers keep unless {@code backup-keep} says otherwise: creating
   * one more removes the oldest.
   */
  int DEFAULT_RETENTION = EnvironmentConfig.DEFAULT_BACKUP_KEEP;

  /**
   * Dumps the environment's state into an archive, stores it on the controllers and, when
   * {@code downloadTo} is not null, also writes it there (mode 0600): to that file, or to
   * {@code hactl-backup-<id>.zip} inside it when it is a folder. Fails with NO_QUORUM when the
   * environment cannot be written to.
   */
  CreatedBackup create(String notes, Path downloadTo) throws HactlException;

  /** The backups the controllers keep, newest first. */
  List<BackupMetadata> list() throws HactlException;

  /** One kept backup; BAD_INPUT when there is none with that id. */
  BackupMetadata show(String id) throws HactlException;

  /** Writes a kept backup's archive to {@code target} (mode 0600) after verifying it. */
  Path download(String id, Path target) throws HactlException;

  /**
   * Verifies an archive file and stores it on the controllers. BAD_INPUT for a corrupt file, a
   * newer format, or a backup of another environment.
   */
  BackupMetadata upload(Path file) throws HactlException;

  /** Removes a kept backup; BAD_INPUT when there is none with that id. */
  void remove(String id) throws HactlException;

  /**
   * Keeps only the newest {@code count} backups.
   *
   * @return the ids removed, oldest first
   */
  List<String> keepLatest(int count) throws HactlException;

  /**
   * Restores a backup: see {@link RestoreRequest}. Nothing is changed when the archive fails
   * verification, the request is refused, or the user declines.
   */
  RestoreResult restore(RestoreRequest request) throws HactlException;

  @Override
  void close();
}
