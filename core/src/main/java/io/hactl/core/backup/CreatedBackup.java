package io.hactl.core.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A backup just made.
 *
 * @param metadata what it recorded
 * @param file where it was downloaded to; null with {@code --no-download}
 * @param pruned older backups removed to stay within the retention
 */
public record CreatedBackup(BackupMetadata metadata, Path file, List<String> pruned) {
  public CreatedBackup {
    pruned = List.copyOf(pruned);
  }
}
