package io.hactl.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log retention travels from environments.yaml to every agent, through its config file. */
class AgentConfigRetentionTest {

  private final AgentConfig plain = new AgentConfig("uuid-1", "dev", "3", false, "hactl-abc",
      "the-key", List.of("127.0.0.1:4000"), Duration.ofMillis(750), null);

  @Test
  void roundTripsAndPassesToMachinesTheMasterProvisions() throws Exception {
    AgentConfig small = plain.withLogRetentionMb(8);

    assertThat(AgentConfigCodec.fromYaml(AgentConfigCodec.toYaml(small)).logRetentionMb())
        .isEqualTo(8);
    assertThat(small.forMachine("4", false, List.of("a:1")).logRetentionMb()).isEqualTo(8);
  }

  @Test
  void aFileWrittenBeforeTheSettingExistedGetsTheDefault() throws Exception {
    String older = AgentConfigCodec.toYaml(plain).lines()
        .filter(l -> !l.startsWith("log-retention-mb"))
        .reduce("", (a, b) -> a + b + "\n");

    assertThat(older).doesNotContain("log-retention");
    assertThat(AgentConfigCodec.fromYaml(older).logRetentionMb()).isEqualTo(64);
  }
}
