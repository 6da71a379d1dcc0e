package io.hactl.core.backup;

import io.hactl.core.state.Event;
import io.hactl.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The master's scheduled backups ({@code backup-schedule}, {@code backup-keep}). A backup is
 * due when the newest kept backup, scheduled or made by hand, started {@code every} ago or
 * longer (or when none is kept): the schedule lives in state, so a new master after a failover
 * carries on from the last backup instead of starting its own clock, and a backup made by hand
 * counts. After each backup the oldest beyond {@code keep} are removed.
 *
 * <p>Runs one round per master tick; between due times a round reads nothing but the clock,
 * and the schedule itself is re-read at most every {@link #SETTINGS_REFRESH}. A failed backup
 * is retried after {@link #RETRY_AFTER} (or the schedule's interval, when shorter).
 *
 * @since issue 8
 */
public final class ScheduledBackupWorker {

  /** Makes one backup of the environment now and stores it on the controllers. */
  @FunctionalInterface
  public interface BackupMaker {
    BackupMetadata make(String notes) throws Exception;
  }

  /** How stale the worker's copy of the schedule may get. */
  public static final Duration SETTINGS_REFRESH = Duration.ofSeconds(30);

  /** How long after a failed backup the next attempt waits. */
  public static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  private final StateStore state;
  private final BackupStore backups;
  private final BackupMaker maker;
  private final Clock clock;
  private final String machineId;
  private BackupSchedule schedule;
  private Instant scheduleReadAt;
  private Instant nextCheck;

  public ScheduledBackupWorker(StateStore state, BackupStore backups, BackupMaker maker,
      String machineId, Clock clock) {
    this.state = state;
    this.backups = backups;
    this.maker = maker;
    this.machineId = machineId;
    this.clock = clock;
  }

  /** One round: takes a backup when one is due. */
  public void runOnce() throws Exception {
    Instant now = clock.instant();
    BackupSchedule current = schedule(now);
    if (current.isOff() || (nextCheck != null && now.isBefore(nextCheck))) {
      return;
    }
    Optional<Instant> newest = backups.list().stream().map(BackupMetadata::started)
        .max(Instant::compareTo);
    if (newest.isPresent() && now.isBefore(newest.get().plus(current.every()))) {
      nextCheck = newest.get().plus(current.every());
      return;
    }
    BackupMetadata made;
    try {
      made = maker.make("scheduled (every " + BackupSchedule.describe(current.every()) + ")");
    } catch (Exception e) {
      nextCheck = now.plus(min(RETRY_AFTER, current.every()));
      state.recordEvent(new Event(now, "backup", machineId, "scheduled backup failed: "
          + e.getMessage() + "; retrying in " + BackupSchedule.describe(
              min(RETRY_AFTER, current.every()))));
      throw e;
    }
    nextCheck = made.started().plus(current.every());
    List<String> removed = keepLatest(current.keep());
    state.recordEvent(new Event(clock.instant(), "backup", machineId, "scheduled backup "
        + made.id() + " created" + (removed.isEmpty() ? ""
            : "; removed " + String.join(", ", removed) + " (backup-keep "
                + current.keep() + ")")));
  }

  private BackupSchedule schedule(Instant now) {
    if (schedule == null || scheduleReadAt == null
        || !now.isBefore(scheduleReadAt.plus(SETTINGS_REFRESH))) {
      BackupSchedule read = state.backupSchedule();
      if (!read.equals(schedule)) {
        nextCheck = null;
      }
      schedule = read;
      scheduleReadAt = now;
    }
    return schedule;
  }

  /** Removes the oldest backups beyond {@code keep}; returns their ids, oldest first. */
  private List<String> keepLatest(int keep) {
    List<BackupMetadata> newestFirst = backups.list();
    List<String> removed = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= keep; i--) {
      String id = newestFirst.get(i).id();
      backups.remove(id);
      removed.add(id);
    }
    return removed;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
