package io.hactl.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hactl.core.testing.InMemoryBackupStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupIdsTest {

  private static final String UUID = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

  @Test
  void aBackupStartsInASecondThatNamesNoKeptBackup() {
    InMemoryBackupStore kept = new InMemoryBackupStore();
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    kept.put(backup(now));
    kept.put(backup(now.plusSeconds(1)));

    BackupIds.awaitFreeSecond(kept, UUID, clock);

    Instant after = clock.instant();
    assertThat(kept.find(BackupFormat.id(after, UUID))).isEmpty();
    assertThat(after.getEpochSecond()).isGreaterThanOrEqualTo(now.getEpochSecond() + 2);
  }

  @Test
  void aFreeSecondIsUsedAsItIs() {
    InMemoryBackupStore kept = new InMemoryBackupStore();
    Instant at = Instant.parse("2026-11-26T10:00:00.250Z");
    kept.put(backup(at.minusSeconds(1)));
    // A clock that stands still: any wait would be seen as the same instant again.
    Clock standing = Clock.fixed(at, ZoneOffset.UTC);

    BackupIds.awaitFreeSecond(kept, UUID, standing);

    assertThat(kept.find(BackupFormat.id(standing.instant(), UUID))).isEmpty();
  }

  @Test
  void aClockThatStandsStillDoesNotHangTheBackup() {
    InMemoryBackupStore kept = new InMemoryBackupStore();
    Instant at = Instant.parse("2026-11-26T10:00:00.999Z");
    kept.put(backup(at));
    assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> BackupIds.awaitFreeSecond(kept, UUID, Clock.fixed(at, ZoneOffset.UTC)));
  }

  private static BackupMetadata backup(Instant started) {
    return new BackupMetadata(1, "test", BackupFormat.id(started, UUID), "sum-" + started,
        "SHA-256", 0, started, started.plusMillis(1), "", "0", 1, "prod", UUID, "local", "rs",
        false, List.of());
  }
}
