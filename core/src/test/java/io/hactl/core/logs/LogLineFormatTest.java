package io.hactl.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogLineFormatTest {

  private static final LogRecord RECORD = new LogRecord(
      Instant.parse("2024-05-06T15:47:09.250Z"), "machine-1", "io.hactl.agent.HeartbeatWorker",
      LogLevel.INFO, "heartbeat recorded again", "HeartbeatWorker.java:44", 7);

  @Test
  void formatsAsJujuDoes() {
    assertThat(LogLineFormat.plainUtc().format(RECORD)).isEqualTo(
        "machine-1: 15:47:09 INFO io.hactl.agent.HeartbeatWorker heartbeat recorded again");
  }

  @Test
  void showsDateAndMillisecondsWhenAsked() {
    assertThat(new LogLineFormat(ZoneOffset.UTC, true, true, false).format(RECORD)).isEqualTo(
        "machine-1: 2024-05-06 15:47:09.250 INFO io.hactl.agent.HeartbeatWorker"
            + " heartbeat recorded again");
  }

  @Test
  void showsTimesInTheGivenZone() {
    assertThat(new LogLineFormat(ZoneId.of("Europe/Paris"), false, false, false).format(RECORD))
        .startsWith("machine-1: 17:47:09 INFO");
  }

  @Test
  void coloursEntityAndLevelOnlyWhenAsked() {
    String coloured = new LogLineFormat(ZoneOffset.UTC, false, false, true).format(
        new LogRecord(RECORD.time(), "machine-1", "m", LogLevel.ERROR, "boom", "", 1));
    assertThat(coloured).isEqualTo(
        "\u001b[36mmachine-1:\u001b[0m 15:47:09 \u001b[31mERROR\u001b[0m m boom");
    assertThat(LogLineFormat.plainUtc().format(RECORD)).doesNotContain("\u001b");
  }
}
