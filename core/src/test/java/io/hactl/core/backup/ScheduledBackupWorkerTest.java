package io.hactl.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.state.Event;
import io.hactl.core.testing.InMemoryBackupStore;
import io.hactl.core.testing.InMemoryStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledBackupWorkerTest {

  /** A clock the test moves by hand. */
  private static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final TestClock clock = new TestClock();
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final InMemoryBackupStore backups = new InMemoryBackupStore();
  private final List<String> notes = new ArrayList<>();
  private int failures;
  private final ScheduledBackupWorker.BackupMaker maker = n -> {
    if (failures > 0) {
      failures--;
      throw new IllegalStateException("dump failed: no primary");
    }
    notes.add(n);
    BackupMetadata made = backup(clock.now, n);
    backups.save(made, null);
    clock.advance(Duration.ofSeconds(5));
    return made;
  };
  private final ScheduledBackupWorker worker =
      new ScheduledBackupWorker(state, backups, maker, "0", clock);

  @Test
  void takesNoBackupWhileTheScheduleIsOff() throws Exception {
    worker.runOnce();
    clock.advance(Duration.ofDays(30));
    worker.runOnce();
    assertThat(backups.list()).isEmpty();
  }

  @Test
  void takesABackupAtOnceWhenNoneIsKeptThenOneEveryInterval() throws Exception {
    state.setBackupSchedule(new BackupSchedule(Duration.ofHours(6), 10));
    worker.runOnce();
    assertThat(notes).containsExactly("scheduled (every 6h)");
    for (int tick = 0; tick < 100; tick++) {
      clock.advance(Duration.ofMinutes(3));
      worker.runOnce();
    }
    assertThat(notes).as("five hours later: not yet").hasSize(1);
    clock.advance(Duration.ofHours(1));
    worker.runOnce();
    worker.runOnce();
    assertThat(notes).hasSize(2);
    assertThat(state.events).extracting(Event::message)
        .anyMatch(m -> m.startsWith("scheduled backup ") && m.endsWith(" created"));
  }

  @Test
  void aBackupMadeByHandOrByThePreviousMasterCountsSoANewMasterDoesNotDoubleUp()
      throws Exception {
    state.setBackupSchedule(new BackupSchedule(Duration.ofHours(6), 10));
    backups.put(backup(clock.now.minus(Duration.ofHours(2)), "before the failover"));
    worker.runOnce();
    assertThat(notes).isEmpty();
    clock.advance(Duration.ofHours(4));
    worker.runOnce();
    assertThat(notes).hasSize(1);
  }

  @Test
  void keepsOnlyTheNewestBackupsItIsToldToKeep() throws Exception {
    state.setBackupSchedule(new BackupSchedule(Duration.ofHours(1), 3));
    for (int hour = 0; hour < 5; hour++) {
      worker.runOnce();
      clock.advance(Duration.ofHours(1));
    }
    List<BackupMetadata> kept = backups.list();
    assertThat(kept).hasSize(3);
    assertThat(kept.get(0).started()).isEqualTo(Instant.parse("2026-01-01T04:00:20Z"));
    assertThat(state.events).extracting(Event::message)
        .anyMatch(m -> m.contains("removed") && m.contains("(backup-keep 3)"));
  }

  @Test
  void retriesAFailedBackupAfterAMinuteAndRecordsTheFailure() throws Exception {
    state.setBackupSchedule(new BackupSchedule(Duration.ofHours(6), 10));
    failures = 1;
    assertThatThrownBy(worker::runOnce).hasMessageContaining("dump failed");
    assertThat(state.events).extracting(Event::message)
        .anyMatch(m -> m.startsWith("scheduled backup failed: dump failed")
            && m.endsWith("retrying in 1m"));
    clock.advance(Duration.ofSeconds(30));
    worker.runOnce();
    assertThat(notes).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    worker.runOnce();
    assertThat(notes).hasSize(1);
  }

  @Test
  void picksUpAChangedScheduleWithinTheRefreshInterval() throws Exception {
    state.setBackupSchedule(new BackupSchedule(Duration.ofDays(1), 10));
    worker.runOnce();
    state.setBackupSchedule(new BackupSchedule(Duration.ofMinutes(30), 10));
    clock.advance(Duration.ofMinutes(31));
    worker.runOnce();
    assertThat(notes).containsExactly("scheduled (every 1d)", "scheduled (every 30m)");
  }

  @Test
  void aMasterThatCannotReachStateTakesNoBackup() {
    state.setBackupSchedule(new BackupSchedule(Duration.ofHours(6), 10));
    backups.unreachable = true;
    assertThatThrownBy(worker::runOnce).hasMessageContaining("no primary");
    assertThat(notes).isEmpty();
  }

  private static BackupMetadata backup(Instant started, String notes) {
    String id = started.toString() + "." + notes.hashCode();
    return new BackupMetadata(1, "test", id, "sha256", "sha256", 0, started,
        started.plusSeconds(5), notes, "0", 1, "local", "uuid", "local", "rs", false,
        List.of());
  }
}
