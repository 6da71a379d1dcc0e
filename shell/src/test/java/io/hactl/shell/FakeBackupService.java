package io.hactl.shell;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupService;
import io.hactl.core.backup.CreatedBackup;
import io.hactl.core.backup.RestoreRequest;
import io.hactl.core.backup.RestoreResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Backups in memory; restore asks its question as core does and records the request. */
final class FakeBackupService implements BackupService {

  static final String UUID = "0d9f3f7e-1c55-4d6e-9d49-8a7c2f4e1b11";

  final List<BackupMetadata> kept = new ArrayList<>();
  final List<RestoreRequest> restores = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  boolean closed;

  static BackupMetadata backup(String time, String notes) {
    return new BackupMetadata(1, "test", time + "." + UUID, "ab12", "SHA-256", 2048,
        Instant.parse("2024-05-06T10:00:00Z"), Instant.parse("2024-05-06T10:00:01Z"), notes,
        "0", 3, "local", UUID, "local", "hactl-0d9f3f7e", false, List.of("machines"));
  }

  @Override
  public CreatedBackup create(String note, Path downloadTo) {
    notes.add(note);
    BackupMetadata created = backup("20240506-100000", note);
    kept.add(0, created);
    Path file = downloadTo == null ? null
        : downloadTo.toString().equals(".") ? Path.of("hactl-backup-" + created.id() + ".zip")
            : downloadTo;
    return new CreatedBackup(created, file, List.of());
  }

  @Override
  public List<BackupMetadata> list() {
    return List.copyOf(kept);
  }

  @Override
  public BackupMetadata show(String id) throws HactlException {
    return kept.stream().filter(b -> b.id().equals(id)).findFirst()
        .orElseThrow(() -> HactlException.badInput("no backup " + id));
  }

  @Override
  public Path download(String id, Path target) throws HactlException {
    show(id);
    return target;
  }

  @Override
  public BackupMetadata upload(Path file) {
    BackupMetadata uploaded = backup("20240101-000000", "uploaded");
    kept.add(uploaded);
    return uploaded;
  }

  @Override
  public void remove(String id) throws HactlException {
    if (!kept.removeIf(b -> b.id().equals(id))) {
      throw HactlException.badInput("no backup " + id);
    }
  }

  @Override
  public List<String> keepLatest(int count) {
    List<String> removed = new ArrayList<>();
    while (kept.size() > count) {
      removed.add(0, kept.remove(kept.size() - 1).id());
    }
    return removed;
  }

  @Override
  public RestoreResult restore(RestoreRequest request) throws HactlException {
    restores.add(request);
    if (!request.confirmation().confirm("Restoring first stops local-machine-0 (machine 0).")) {
      throw HactlException.failure("restore cancelled: nothing was changed", null);
    }
    return new RestoreResult("20240506-100000." + UUID, "local", "4", "127.0.0.1:24001",
        List.of("local-machine-0"), List.of("3", "4"), List.of("3"), Duration.ofSeconds(9));
  }

  @Override
  public void close() {
    closed = true;
  }
}
