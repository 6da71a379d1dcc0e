package io.hactl.core.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentPresenceTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @ParameterizedTest(name = "heartbeat {0}s ago, instance {1} -> {2}")
  @CsvSource(nullValues = "none", value = {
      "none, pending, pending",
      "none, running, pending",
      "none, stopped, down",
      "none, missing, down",
      "0,    running, started",
      "6,    running, started",
      "7,    running, down",
      "1,    stopped, down",
  })
  void derivesAgentStateFromHeartbeatAndInstance(Integer secondsAgo, String instance,
      String expected) {
    Instant heartbeat = secondsAgo == null ? null : NOW.minusSeconds(secondsAgo);
    assertThat(AgentPresence.agentState(heartbeat, instance, NOW)).isEqualTo(expected);
  }
}
