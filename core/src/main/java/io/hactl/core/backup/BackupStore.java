package io.hactl.core.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Port: backups kept by the controllers, in the replicated state database (metadata plus the
 * archive in chunks), so every controller holds every backup. Implementations throw
 * {@link io.hactl.core.state.StateException} when the database fails.
 */
public interface BackupStore extends AutoCloseable {

  /**
   * Stores an archive. Its chunks are written before its metadata, so a listed backup is always
   * complete. Storing the same archive again (same id and checksum: an upload, a restore)
   * replaces it; another archive under a kept id is refused with an {@link IOException} that
   * says so, never stored over it.
   */
  void save(BackupMetadata metadata, Path archive) throws IOException;

  /** Every stored backup, newest first. */
  List<BackupMetadata> list();

  Optional<BackupMetadata> find(String id);

  /** Bytes of the stored archive, as stored. */
  long archiveSize(String id);

  /**
   * Writes the stored archive to {@code out}.
   *
   * @return false when no backup has that id
   */
  boolean copyTo(String id, OutputStream out) throws IOException;

  /**
   * Deletes a backup: its metadata first (so it is no longer listed), then its chunks.
   *
   * @return false when no backup had that id
   */
  boolean remove(String id);

  @Override
  void close();
}
