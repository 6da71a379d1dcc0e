package io.hactl.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.Placement;
import org.junit.jupiter.api.Test;

class PlacementSyntaxTest {

  @Test
  void readsAZone() throws Exception {
    assertThat(PlacementSyntax.parse(" zone=us-east-1a ")).isEqualTo(new Placement("us-east-1a"));
  }

  @Test
  void refusesContainersOtherDirectivesAndBadZoneNamesAsBadInput() {
    assertThatThrownBy(() -> PlacementSyntax.parse("lxd:3"))
        .isInstanceOfSatisfying(HactlException.class,
            e -> assertThat(e.kind()).isEqualTo(HactlException.Kind.BAD_INPUT))
        .hasMessage("invalid placement \"lxd:3\": new machines can only be placed in a zone,"
            + " e.g. --to zone=us-east-1a");
    assertThatThrownBy(() -> PlacementSyntax.parse("zone=")).hasMessageContaining("a zone name");
    assertThatThrownBy(() -> PlacementSyntax.parse("zone=a b")).hasMessageContaining("a zone name");
  }

  @Test
  void tellsMachineIdsFromDirectives() {
    assertThat(PlacementSyntax.isMachineId("12")).isTrue();
    assertThat(PlacementSyntax.isMachineId("zone=a")).isFalse();
  }
}
