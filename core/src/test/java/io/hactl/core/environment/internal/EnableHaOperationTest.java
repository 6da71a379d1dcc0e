package io.hactl.core.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.HactlException;
import io.hactl.core.membership.EnableHaRequest;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberView;
import io.hactl.core.testing.InMemoryStateStore;
import io.hactl.plugin.api.Placement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnableHaOperationTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final InMemoryStateStore state = new InMemoryStateStore();
  private final EnableHaOperation operation =
      new EnableHaOperation("dev", state, Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void bootstrapped() {
    state.put(new Machine("0", List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
        Machine.ALIVE, "i-0", List.of("127.0.0.1"), Map.of("state", 4000), true, true,
        Map.of("mem", "2G"), null, NOW.minusSeconds(3600)));
    state.heartbeat("0", NOW.minusSeconds(1));
    state.members = new ArrayList<>(List.of(
        new MemberView("127.0.0.1:4000", "PRIMARY", true, true, 10)));
  }

  @Test
  void addsTwoControllersLikeTheFirstAndRecordsTheChange() throws Exception {
    EnableHaResult result = operation.enableHa(EnableHaRequest.defaults(), Map.of());

    assertThat(result.render()).isEqualTo("maintaining machines: 0\nadding machines: 1, 2");
    assertThat(state.machines()).filteredOn(Machine::isController).hasSize(3)
        .allMatch(Machine::wantsVote)
        .allSatisfy(m -> assertThat(m.constraints()).containsEntry("mem", "2G"));
    assertThat(state.controllersVersion()).isEqualTo(1);
    assertThat(state.events).extracting(e -> e.message())
        .containsExactly("maintaining machines: 0; adding machines: 1, 2");
  }

  @Test
  void spreadsNewControllersOverTheZonesGivenInOrder() throws Exception {
    operation.enableHa(new EnableHaRequest(5, List.of()), Map.of(),
        List.of(new Placement("a"), new Placement("b")));

    assertThat(state.machines()).filteredOn(m -> !m.id().equals("0"))
        .extracting(m -> m.placement().zone()).containsExactly("a", "b", "a", "b");
  }

  @Test
  void aSecondRunOnTheResultOnlyMaintainsAndChangesNothing() throws Exception {
    operation.enableHa(EnableHaRequest.defaults(), Map.of());
    EnableHaResult again = operation.enableHa(EnableHaRequest.defaults(), Map.of());

    assertThat(again.render()).isEqualTo("maintaining machines: 0, 1, 2");
    assertThat(state.controllersVersion()).isEqualTo(1);
  }

  @Test
  void refusesAnEvenCountAsBadInputAndChangesNothing() {
    assertThatThrownBy(() -> operation.enableHa(EnableHaRequest.of(4), Map.of()))
        .isInstanceOfSatisfying(HactlException.class,
            e -> assertThat(e.kind()).isEqualTo(HactlException.Kind.BAD_INPUT))
        .hasMessageContaining("odd");
    assertThat(state.machines()).hasSize(1);
  }

  @Test
  void losesToAConcurrentRunThatClaimedTheControllerSetFirst() {
    state.beforeClaim = () -> {
      state.beforeClaim = () -> { };
      state.claimControllerChange(state.controllersVersion());
    };

    assertThatThrownBy(() -> operation.enableHa(EnableHaRequest.defaults(), Map.of()))
        .isInstanceOfSatisfying(HactlException.class,
            e -> assertThat(e.kind()).isEqualTo(HactlException.Kind.FAILURE))
        .hasMessageContaining("another enable-ha changed the controllers");
    assertThat(state.machines()).as("the losing run added nothing").hasSize(1);
  }
}
