package io.hactl.core.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Constants of the backup archive format, documented in {@code core/BACKUPS.md}. */
public final class BackupFormat {

  /** The format this hactl writes, and the newest it reads. */
  public static final int VERSION = 1;

  public static final String METADATA = "metadata.json";
  public static final String DUMP_FOLDER = "dump/";
  public static final String DOCUMENTS_SUFFIX = ".jsonl";
  public static final String INDEXES_SUFFIX = ".indexes.json";
  public static final String IDENTITY = "identity/environment.json";
  public static final String SECRET = "identity/replica-set-key";
  public static final String SEALED_SECRET = "identity/replica-set-key.sealed";

  /** The environment variable whose value, when set, seals the key inside archives. */
  public static final String PASSPHRASE_VARIABLE = "HACTL_BACKUP_PASSPHRASE";

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Pattern ID = Pattern.compile("\\d{8}-\\d{6}\\.[0-9a-fA-F-]{36}");

  private BackupFormat() {}

  /** {@code <yyyymmdd-hhmmss>.<environment-uuid>}, in UTC. */
  public static String id(Instant started, String environmentUuid) {
    return ID_TIME.format(started) + "." + environmentUuid;
  }

  /** Whether {@code id} has the shape of a backup id. */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static String documentsEntry(String collection) {
    return DUMP_FOLDER + collection + DOCUMENTS_SUFFIX;
  }

  public static String indexesEntry(String collection) {
    return DUMP_FOLDER + collection + INDEXES_SUFFIX;
  }
}
