package io.hactl.shell.render;

import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.RestoreResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Backups as YAML/JSON documents and as text, for the backup commands. */
public final class BackupDocuments {

  private BackupDocuments() {}

  public static Map<String, Object> backup(BackupMetadata m) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", m.id());
    doc.put("format-version", m.formatVersion());
    doc.put("hactl-version", m.hactlVersion());
    doc.put("checksum", m.checksum());
    doc.put("checksum-format", m.checksumFormat());
    doc.put("size", m.size());
    doc.put("started", m.started().toString());
    doc.put("finished", m.finished().toString());
    doc.put("notes", m.notes());
    doc.put("machine", m.machine());
    doc.put("controllers", m.controllerCount());
    doc.put("environment", m.environmentName());
    doc.put("environment-uuid", m.environmentUuid());
    doc.put("provider", m.provider());
    doc.put("replica-set", m.replicaSet());
    doc.put("key-sealed", m.secretEncrypted());
    doc.put("collections", m.collections());
    return doc;
  }

  public static Map<String, Object> backups(List<BackupMetadata> all) {
    List<Object> list = new ArrayList<>();
    all.forEach(m -> list.add(backup(m)));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("backups", list);
    return doc;
  }

  /** One line per backup, newest first. */
  public static String table(List<BackupMetadata> all) {
    if (all.isEmpty()) {
      return "no backups; create one with `hactl create-backup`\n";
    }
    TextTable table = new TextTable("ID", "STARTED", "SIZE", "MACHINE", "NOTES");
    for (BackupMetadata m : all) {
      table.row(m.id(), m.started().toString(), size(m.size()),
          m.machine() == null ? "-" : m.machine(), m.notes());
    }
    return table.render();
  }

  /** {@code key: value} lines, as {@code show-backup} prints by default. */
  public static String text(BackupMetadata m) {
    StringBuilder out = new StringBuilder();
    backup(m).forEach((key, value) -> out.append(key).append(": ")
        .append(value instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf)
            .toList()) : value).append('\n'));
    return out.toString();
  }

  public static Map<String, Object> restored(RestoreResult r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("backup", r.backupId());
    doc.put("environment", r.environment());
    doc.put("controller", r.controllerMachine());
    doc.put("controller-address", r.controllerAddress());
    doc.put("stopped-instances", r.stoppedInstances());
    doc.put("machines", r.machines());
    doc.put("reconnecting-machines", r.redirectedMachines());
    doc.put("took-seconds", r.took().toMillis() / 1000.0);
    doc.put("into-running-controllers", r.intoRunningControllers());
    doc.put("kept-controllers", r.keptControllers());
    return doc;
  }

  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + "B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1fK", bytes / 1024.0);
    }
    return String.format("%.1fM", bytes / (1024.0 * 1024));
  }
}
