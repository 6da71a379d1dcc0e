package io.hactl.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Availability RULE =
      new Availability(Duration.ofSeconds(6), Duration.ofSeconds(120));

  @ParameterizedTest(name = "added {0}s ago, beat {1}s ago, member {2} healthy={3} -> {4}")
  @CsvSource(nullValues = "never", value = {
      // A fresh heartbeat is enough, whatever the member says.
      "600, 0,     UNKNOWN,    false, ALIVE",
      "600, 6,     DOWN,       false, ALIVE",
      // Heartbeat stale or missing: the member's own health decides.
      "600, 7,     PRIMARY,    true,  SERVING",
      "600, never, SECONDARY,  true,  SERVING",
      "600, 60,    STARTUP2,   true,  CATCHING_UP",
      "600, 60,    RECOVERING, true,  CATCHING_UP",
      "600, 60,    STARTUP,    true,  CATCHING_UP",
      // An unreachable member's last state proves nothing.
      "600, 60,    SECONDARY,  false, DOWN",
      "600, 60,    STARTUP2,   false, DOWN",
      "600, 60,    DOWN,       false, DOWN",
      // Never beaten: starting within the grace, down after it.
      "0,   never, UNKNOWN,    false, STARTING",
      "120, never, UNKNOWN,    false, STARTING",
      "121, never, UNKNOWN,    false, DOWN",
      // Beat once, then silent: it did start, so no start-up grace.
      "30,  20,    UNKNOWN,    false, DOWN",
  })
  void decidesPresenceFromHeartbeatMemberHealthAndGrace(long addedAgo, Long beatAgo,
      MemberState member, boolean healthy, Presence expected) {
    PresenceFacts facts = new PresenceFacts(NOW.minusSeconds(addedAgo),
        beatAgo == null ? null : NOW.minusSeconds(beatAgo), member, healthy);

    assertThat(RULE.assess(facts, NOW)).isEqualTo(expected);
    assertThat(RULE.isAvailable(facts, NOW)).isEqualTo(expected != Presence.DOWN);
  }

  @Test
  void countsTheBootstrapMachineAsAvailableBeforeItsFirstHeartbeat() {
    // Juju's bug: right after bootstrap presence was not yet established and enable-ha demoted 0.
    PresenceFacts justBootstrapped =
        new PresenceFacts(NOW.minusSeconds(2), null, MemberState.PRIMARY, true);

    assertThat(Availability.defaults().assess(justBootstrapped, NOW)).isEqualTo(Presence.SERVING);
  }

  @Test
  void treatsMissingMemberStateAsUnknown() {
    PresenceFacts facts = new PresenceFacts(NOW, null, null, false);

    assertThat(facts.memberState()).isEqualTo(MemberState.UNKNOWN);
    assertThat(MemberState.parse("secondary")).isEqualTo(MemberState.SECONDARY);
    assertThat(MemberState.parse("(not reachable/healthy)")).isEqualTo(MemberState.UNKNOWN);
  }

  @Test
  void rejectsNonPositiveDurations() {
    assertThatThrownBy(() -> new Availability(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("staleAfter");
  }
}
