package io.hactl.core.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.state.Machine;
import io.hactl.plugin.api.Placement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MachineCodecTest {

  private static Machine machine(Placement placement) {
    return new Machine("3", List.of(Machine.JOB_HOST_UNITS), Machine.ALIVE, null, List.of(),
        Map.of(), false, false, Map.of("mem", "4G"), null, Instant.parse("2026-11-26T00:00:00Z"),
        placement);
  }

  @Test
  void keepsTheZoneAMachineWasPlacedIn() {
    Machine placed = machine(new Placement("us-east-1b"));
    Document document = MachineCodec.toDocument(placed);

    assertThat(document.get("placement", Document.class).getString("zone")).isEqualTo("us-east-1b");
    assertThat(MachineCodec.fromDocument(document)).isEqualTo(placed);
  }

  @Test
  void readsMachinesStoredBeforePlacementExistedAsPlacedAnywhere() {
    Document old = MachineCodec.toDocument(machine(Placement.ANYWHERE));
    old.remove("placement");

    assertThat(MachineCodec.toDocument(machine(Placement.ANYWHERE)).get("placement")).isNull();
    assertThat(MachineCodec.fromDocument(old).placement()).isEqualTo(Placement.ANYWHERE);
  }
}
