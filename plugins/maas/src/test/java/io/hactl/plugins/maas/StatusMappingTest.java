package io.hactl.plugins.maas;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.plugin.api.InstanceState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusMappingTest {

  @ParameterizedTest(name = "{1} ({0}), power {2} -> {3}")
  @CsvSource({
      "10, Allocated, off, PENDING",
      "9, Deploying, on, PENDING",
      "6, Deployed, on, RUNNING",
      "6, Deployed, unknown, RUNNING",
      "6, Deployed, off, STOPPED",
      "11, Failed deployment, off, STOPPED",
      "12, Releasing, on, STOPPED",
      "4, Ready, off, STOPPED",
      "14, Disk erasing, on, STOPPED",
      "13, Failed releasing, on, STOPPED",
      "8, Broken, off, STOPPED",
      "3, Missing, unknown, UNKNOWN",
      "16, Rescue mode, on, UNKNOWN",
      "1, Commissioning, on, UNKNOWN",
      "-1, Deployed, on, RUNNING",
      "-1, Failed deployment, off, STOPPED",
      "-1, Something new, on, UNKNOWN"})
  void mapsMaasStatusesToInstanceStates(int status, String name, String power,
      InstanceState expected) {
    MaasMachine machine = new MaasMachine("abc123", "node", status, name, power, "", List.of(),
        Map.of());

    assertThat(StatusMapping.stateOf(machine)).isEqualTo(expected);
  }
}
