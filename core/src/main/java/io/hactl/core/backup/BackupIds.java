package io.hactl.core.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A backup's id names the second it started ({@link BackupFormat#id}, as Juju's do), so two
 * backups started in one second would share an id. A backup maker therefore starts in a second
 * that names no kept backup, and {@link BackupStore#save} refuses a different archive under a
 * kept id for the rare pair that still starts together (on two machines at once).
 */
public final class BackupIds {

  /** Waits no longer than this for a free second; a clock that stands still must not hang. */
  private static final int MAX_WAITS = 3;

  private BackupIds() {}

  /** Returns once the current second names no kept backup of the environment (under a second). */
  public static void awaitFreeSecond(BackupStore kept, String environmentUuid, Clock clock) {
    Instant now = clock.instant();
    for (int i = 0; i < MAX_WAITS && kept.find(BackupFormat.id(now, environmentUuid)).isPresent();
        i++) {
      Instant nextSecond = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      try {
        // One millisecond more: toMillis() rounds down, and waking just before the second
        // turns would find the same second again.
        Thread.sleep(Duration.between(now, nextSecond).toMillis() + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      now = clock.instant();
    }
  }
}
