package io.hactl.core.logs;

import static io.hactl.core.logs.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogFilterTest {

  private static final LogRecord M0_AGENT =
      record("machine-0", 1, "io.hactl.agent.AgentMain", LogLevel.INFO, 0);
  private static final LogRecord M1_HEARTBEAT =
      record("machine-1", 1, "io.hactl.agent.HeartbeatWorker", LogLevel.WARNING, 0);
  private static final LogRecord M12_DRIVER =
      record("machine-12", 1, "org.mongodb.driver.cluster", LogLevel.ERROR, 0);
  private static final LogRecord M2_DEBUG =
      record("machine-2", 1, "io.hactl.core.logs.LogPruner", LogLevel.DEBUG, 0);
  private static final List<LogRecord> ALL = List.of(M0_AGENT, M1_HEARTBEAT, M12_DRIVER, M2_DEBUG);

  private static LogFilter filter(List<String> include, List<String> exclude,
      List<String> includeModules, List<String> excludeModules, LogLevel level) {
    return new LogFilter(include, exclude, includeModules, excludeModules, level);
  }

  private static List<LogRecord> passing(LogFilter filter) {
    return ALL.stream().filter(filter::matches).toList();
  }

  @Test
  void anEmptyFilterPassesEverything() {
    assertThat(passing(LogFilter.ALL)).isEqualTo(ALL);
  }

  @Test
  void includedEntitiesAreOredAndWildcardsMatchWholeNames() {
    assertThat(passing(filter(List.of("machine-1", "machine-2"), List.of(), List.of(), List.of(),
        LogLevel.TRACE))).containsExactly(M1_HEARTBEAT, M2_DEBUG);
    assertThat(passing(filter(List.of("machine-1*"), List.of(), List.of(), List.of(),
        LogLevel.TRACE))).containsExactly(M1_HEARTBEAT, M12_DRIVER);
    assertThat(passing(filter(List.of("machine-?"), List.of(), List.of(), List.of(),
        LogLevel.TRACE))).containsExactly(M0_AGENT, M1_HEARTBEAT, M2_DEBUG);
  }

  @Test
  void aBareMachineIdMeansThatMachine() {
    LogFilter filter = filter(List.of("1"), List.of(), List.of(), List.of(), LogLevel.TRACE);
    assertThat(filter.includeEntities()).containsExactly("machine-1");
    assertThat(passing(filter)).containsExactly(M1_HEARTBEAT);
  }

  @Test
  void excludedEntitiesRejectAnyMatch() {
    assertThat(passing(filter(List.of(), List.of("machine-0", "machine-1*"), List.of(),
        List.of(), LogLevel.TRACE))).containsExactly(M2_DEBUG);
  }

  @Test
  void modulesMatchByDottedPrefixOnly() {
    assertThat(passing(filter(List.of(), List.of(), List.of("io.hactl.agent"), List.of(),
        LogLevel.TRACE))).containsExactly(M0_AGENT, M1_HEARTBEAT);
    assertThat(passing(filter(List.of(), List.of(), List.of("io.hactl.age"), List.of(),
        LogLevel.TRACE))).isEmpty();
    assertThat(passing(filter(List.of(), List.of(), List.of("io.hactl.agent.AgentMain",
        "org.mongodb"), List.of(), LogLevel.TRACE))).containsExactly(M0_AGENT, M12_DRIVER);
  }

  @Test
  void excludedModulesRejectTheirSubtree() {
    assertThat(passing(filter(List.of(), List.of(), List.of(), List.of("io.hactl"),
        LogLevel.TRACE))).containsExactly(M12_DRIVER);
  }

  @Test
  void levelIsAMinimum() {
    assertThat(passing(filter(List.of(), List.of(), List.of(), List.of(), LogLevel.WARNING)))
        .containsExactly(M1_HEARTBEAT, M12_DRIVER);
  }

  @Test
  void familiesAreAnded() {
    LogFilter filter = filter(List.of("machine-*"), List.of("machine-2"), List.of("io.hactl"),
        List.of("io.hactl.agent.AgentMain"), LogLevel.INFO);
    assertThat(passing(filter)).containsExactly(M1_HEARTBEAT);
  }

  @Test
  void levelsParseJujuAndSlf4jSpellings() {
    assertThat(LogLevel.parse("warn")).isEqualTo(LogLevel.WARNING);
    assertThat(LogLevel.parse("WARNING")).isEqualTo(LogLevel.WARNING);
    assertThat(LogLevel.parse("Error")).isEqualTo(LogLevel.ERROR);
    assertThatThrownBy(() -> LogLevel.parse("loud"))
        .hasMessageContaining("unknown log level \"loud\"")
        .hasMessageContaining("trace, debug, info, warning, error");
  }

  @Test
  void badPatternsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> filter(List.of("machine 1"), List.of(), List.of(), List.of(),
        LogLevel.TRACE)).hasMessageStartingWith("invalid entity \"machine 1\"");
    assertThatThrownBy(() -> filter(List.of(), List.of(), List.of(), List.of("io..hactl"),
        LogLevel.TRACE)).hasMessageStartingWith("invalid module \"io..hactl\"");
  }

  @Test
  void entityRegexesEscapeEverythingButWildcards() {
    assertThat(LogFilter.entityRegex("machine-1.*")).isEqualTo("^machine\\-1\\..*$");
    assertThat("machine-1.x".matches(LogFilter.entityRegex("machine-1.*"))).isTrue();
    assertThat("machine-1x".matches(LogFilter.entityRegex("machine-1.*"))).isFalse();
  }
}
