package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code backup-schedule} and {@code backup-keep}, as environments.yaml states them. */
class BackupSettingsTest {

  private static final Path FILE = Path.of("environments.yaml");

  private static EnvironmentConfig dev(String settings) throws ConfigException {
    return EnvironmentsLoader.parse("environments:\n  dev:\n    type: local\n" + settings, FILE)
        .environments().get("dev");
  }

  @Test
  void schedulesNothingAndKeepsTenBackupsUnlessTold() throws ConfigException {
    EnvironmentConfig dev = dev("");
    assertThat(dev.backupSchedule()).isZero();
    assertThat(dev.backupKeep()).isEqualTo(10);
  }

  @Test
  void readsMinutesHoursDaysAndOff() throws ConfigException {
    assertThat(dev("    backup-schedule: 6h\n    backup-keep: 4\n"))
        .satisfies(c -> assertThat(c.backupSchedule()).isEqualTo(Duration.ofHours(6)))
        .satisfies(c -> assertThat(c.backupKeep()).isEqualTo(4));
    assertThat(dev("    backup-schedule: 90m\n").backupSchedule())
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(dev("    backup-schedule: 1d\n").backupSchedule()).isEqualTo(Duration.ofDays(1));
    assertThat(dev("    backup-schedule: off\n").backupSchedule()).isZero();
  }

  @Test
  void refusesIntervalsBelowAMinuteOrWithoutAUnitAndCountsBelowOne() {
    for (String bad : new String[] {"backup-schedule: 30s", "backup-schedule: 6",
        "backup-schedule: 0m", "backup-keep: 0", "backup-keep: many"}) {
      ConfigException e = catchThrowableOfType(ConfigException.class,
          () -> dev("    " + bad + "\n"));
      assertThat(e).as(bad).isNotNull();
      assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
          .as(bad).startsWith("expected "));
    }
  }
}
