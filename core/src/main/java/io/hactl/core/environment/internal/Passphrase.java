package io.hactl.core.environment.internal;

import io.hactl.core.backup.BackupFormat;

/** The backup passphrase, from the environment only: never a flag, which would show in ps. */
final class Passphrase {

  private Passphrase() {}

  /** The passphrase, or null when {@code HACTL_BACKUP_PASSPHRASE} is unset or empty. */
  static char[] fromEnvironment() {
    String value = System.getenv(BackupFormat.PASSPHRASE_VARIABLE);
    return value == null || value.isEmpty() ? null : value.toCharArray();
  }
}
