package io.hactl.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.logs.LogForwarder;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.testing.InMemoryLogStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentLoggerTest {

  private final InMemoryLogStore store = new InMemoryLogStore();
  private final LogForwarder forwarder = new LogForwarder(100, Clock.systemUTC(), w -> { });
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream realErr;

  @BeforeEach
  void captureStderr() {
    realErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(realErr);
  }

  private List<LogRecord> forwarded() {
    forwarder.start("machine-4", store);
    forwarder.close(Duration.ofSeconds(10));
    return store.records();
  }

  @Test
  void forwardsStructuredRecordsAndWritesTheSameToStderr() {
    AgentLogger logger = new AgentLogger("io.hactl.agent.Example", LogLevel.INFO, forwarder);

    logger.info("machine {} joined {}", "3", "the set");
    logger.warn("cannot record heartbeat", new IllegalStateException("no primary"));

    List<LogRecord> records = forwarded();
    assertThat(records).extracting(LogRecord::entity, LogRecord::module, LogRecord::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("machine-4", "io.hactl.agent.Example",
                LogLevel.INFO),
            org.assertj.core.groups.Tuple.tuple("machine-4", "io.hactl.agent.Example",
                LogLevel.WARNING));
    assertThat(records.get(0).message()).isEqualTo("machine 3 joined the set");
    assertThat(records.get(0).location()).matches("AgentLoggerTest\\.java:\\d+");
    assertThat(records.get(1).message())
        .isEqualTo("cannot record heartbeat\njava.lang.IllegalStateException: no primary");
    String err = stderr.toString(StandardCharsets.UTF_8);
    assertThat(err).containsPattern(
        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000 INFO io.hactl.agent.Example"
            + " - machine 3 joined the set");
    assertThat(err).contains("WARN io.hactl.agent.Example - cannot record heartbeat")
        .contains("at io.hactl.agent.logging.AgentLoggerTest");
  }

  @Test
  void recordsBelowTheLoggersThresholdGoNowhere() {
    AgentLogger logger = new AgentLogger("org.mongodb.driver.cluster", LogLevel.WARNING,
        forwarder);

    logger.info("monitor thread connected");
    logger.debug("noise");
    logger.error("lost the primary");

    assertThat(forwarded()).extracting(LogRecord::message).containsExactly("lost the primary");
    assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("monitor thread");
  }

  @Test
  void theLongestMatchingPrefixSetsTheThreshold() {
    LogLevels levels = new LogLevels(LogLevel.INFO, Map.of("org.mongodb", LogLevel.WARNING,
        "org.mongodb.driver.cluster", LogLevel.DEBUG));

    assertThat(levels.threshold("org.mongodb.driver.cluster")).isEqualTo(LogLevel.DEBUG);
    assertThat(levels.threshold("org.mongodb.driver.connection")).isEqualTo(LogLevel.WARNING);
    assertThat(levels.threshold("org.mongodbx")).isEqualTo(LogLevel.INFO);
    assertThat(levels.threshold("io.hactl.agent.AgentMain")).isEqualTo(LogLevel.INFO);
  }

  @Test
  void theShippedConfigurationQuietensLibraries() {
    LogLevels shipped = LogLevels.load();

    assertThat(shipped.threshold("io.hactl.agent.AgentMain")).isEqualTo(LogLevel.INFO);
    assertThat(shipped.threshold("org.apache.ratis.server.RaftServer"))
        .isEqualTo(LogLevel.WARNING);
  }
}
