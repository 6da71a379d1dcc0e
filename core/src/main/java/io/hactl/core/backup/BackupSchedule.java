package io.hactl.core.backup;

import io.hactl.config.EnvironmentConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The environment's {@code backup-schedule} and {@code backup-keep} settings, as the master
 * reads them from state: take a backup whenever the newest one is {@code every} old, and keep
 * only the newest {@code keep} (the same bound applies to backups made by hand).
 *
 * @param every how often; {@link Duration#ZERO} turns scheduled backups off
 * @param keep how many backups the controllers keep, 1 or more
 * @since issue 8
 */
public record BackupSchedule(Duration every, int keep) {

  /** No scheduled backups; the controllers keep the default number. */
  public static final BackupSchedule OFF =
      new BackupSchedule(Duration.ZERO, EnvironmentConfig.DEFAULT_BACKUP_KEEP);

  public BackupSchedule {
    Objects.requireNonNull(every, "every");
    if (every.isNegative()) {
      throw new IllegalArgumentException("a backup schedule cannot be negative: " + every);
    }
    if (keep < 1) {
      throw new IllegalArgumentException("backup-keep must be 1 or more, was " + keep);
    }
  }

  /** The schedule an environment's settings ask for. */
  public static BackupSchedule of(EnvironmentConfig config) {
    return new BackupSchedule(config.backupSchedule(), config.backupKeep());
  }

  public boolean isOff() {
    return every.isZero();
  }

  /** As written in environments.yaml: {@code 6h}, {@code 90m}, or {@code off}. */
  public static String describe(Duration every) {
    if (every.isZero()) {
      return "off";
    }
    if (every.toDaysPart() > 0 && every.equals(Duration.ofDays(every.toDays()))) {
      return every.toDays() + "d";
    }
    if (every.equals(Duration.ofHours(every.toHours()))) {
      return every.toHours() + "h";
    }
    if (every.equals(Duration.ofMinutes(every.toMinutes()))) {
      return every.toMinutes() + "m";
    }
    return every.toSeconds() + "s";
  }
}
