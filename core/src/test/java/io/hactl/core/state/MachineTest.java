package io.hactl.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineTest {

  @Test
  void sortsIdsNumerically() {
    List<String> ids = new ArrayList<>(List.of("10", "2", "0", "1", "11"));
    ids.sort(Machine::compareIds);
    assertThat(ids).containsExactly("0", "1", "2", "10", "11");
  }

  @Test
  void hasAStateAddressOnlyAsAController() {
    Machine controller = new Machine("0", List.of(Machine.JOB_HOST_UNITS,
        Machine.JOB_MANAGE_ENVIRON), Machine.ALIVE, "i-0", List.of("127.0.0.1"),
        Map.of("state", 4000), true, true, Map.of(), null, null);
    Machine plain = new Machine("1", List.of(Machine.JOB_HOST_UNITS), Machine.ALIVE, "i-1",
        List.of("127.0.0.1"), Map.of("state", 4001), false, false, Map.of(), null, null);
    assertThat(controller.stateAddress()).isEqualTo("127.0.0.1:4000");
    assertThat(plain.stateAddress()).isNull();
  }
}
