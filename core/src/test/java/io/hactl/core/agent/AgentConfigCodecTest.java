package io.hactl.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigCodecTest {

  private final AgentConfig config = new AgentConfig("uuid-1", "dev", "3", true, "hactl-abc",
      "the-key", List.of("127.0.0.1:4000", "127.0.0.1:4001"), Duration.ofMillis(750));

  @Test
  void roundTripsThroughItsFileForm(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, AgentConfigCodec.toYaml(config));
    assertThat(AgentConfigCodec.read(file)).isEqualTo(config);
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(config.toString()).doesNotContain("the-key").contains("<hidden>");
  }
}
