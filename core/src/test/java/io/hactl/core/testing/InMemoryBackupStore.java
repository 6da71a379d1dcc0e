package io.hactl.core.testing;

import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupStore;
import io.hactl.core.state.StateException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backups kept in memory (metadata only, archives are empty) for worker tests; {@link
 * #unreachable} makes every call fail as a lost primary would.
 */
public final class InMemoryBackupStore implements BackupStore {

  public boolean unreachable;
  private final Map<String, BackupMetadata> backups = new LinkedHashMap<>();

  private void check() {
    if (unreachable) {
      throw new StateException("cannot reach state: no primary (injected)", null);
    }
  }

  /** Stores a backup without an archive. */
  public void put(BackupMetadata metadata) {
    backups.put(metadata.id(), metadata);
  }

  /** Refuses another archive under a kept id, as the controllers' store does. */
  @Override
  public void save(BackupMetadata metadata, Path archive) throws IOException {
    check();
    BackupMetadata kept = backups.get(metadata.id());
    if (kept != null && !kept.checksum().equals(metadata.checksum())) {
      throw new IOException("a different backup with id " + metadata.id() + " is already kept");
    }
    put(metadata);
  }

  @Override
  public List<BackupMetadata> list() {
    check();
    return backups.values().stream()
        .sorted(Comparator.comparing(BackupMetadata::started).reversed()).toList();
  }

  @Override
  public Optional<BackupMetadata> find(String id) {
    check();
    return Optional.ofNullable(backups.get(id));
  }

  @Override
  public long archiveSize(String id) {
    check();
    return 0;
  }

  @Override
  public boolean copyTo(String id, OutputStream out) {
    check();
    return backups.containsKey(id);
  }

  @Override
  public boolean remove(String id) {
    check();
    return backups.remove(id) != null;
  }

  @Override
  public void close() {}
}
