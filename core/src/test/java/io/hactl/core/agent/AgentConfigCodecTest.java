package io.hactl.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.hactl.plugin.api.AgentDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigCodecTest {

  private final AgentConfig config = new AgentConfig("uuid-1", "dev", "3", true, "hactl-abc",
      "the-key", List.of("127.0.0.1:4000", "127.0.0.1:4001"), Duration.ofMillis(750),
      new ProviderAccess("local", Map.of("agent-heap", "64m"), List.of(Path.of("/p")),
          Path.of("/data/provider"), new AgentDistribution(Path.of("/usr/bin/java"),
              List.of(Path.of("/a.jar"), Path.of("/lib/*")), "x.Main", List.of("-Xmx64m")), 0));

  @Test
  void roundTripsThroughItsFileForm(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, AgentConfigCodec.toYaml(config));
    assertThat(AgentConfigCodec.read(file)).isEqualTo(config);
  }

  @Test
  void givesProviderAccessToControllersOnly() {
    assertThat(config.forMachine("4", true, List.of("a:1")).providerAccess())
        .isEqualTo(config.providerAccess());
    assertThat(config.forMachine("5", false, List.of("a:1")).providerAccess()).isNull();
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(config.toString()).doesNotContain("the-key").contains("<hidden>");
  }

  @Test
  void carriesTheCredentialKeyToControllersAndNeverPrintsIt(@TempDir Path dir) throws Exception {
    io.hactl.core.credentials.CredentialKey key =
        io.hactl.core.credentials.CredentialKey.generate();
    AgentConfig withKey =
        config.withProviderAccess(config.providerAccess().withCredentialKey(key));
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, AgentConfigCodec.toYaml(withKey));

    AgentConfig read = AgentConfigCodec.read(file);
    assertThat(read.providerAccess().credentialKey()).isEqualTo(key);
    assertThat(read.forMachine("4", true, List.of()).providerAccess().credentialKey())
        .isEqualTo(key);
    assertThat(Files.readString(file)).contains("credential-key: \"" + key.encoded());
    assertThat(read.toString() + read.providerAccess()).doesNotContain(key.encoded());
    assertThat(read.providerAccess().toString()).contains("credentialKey=<hidden>");
  }

  @Test
  void aFileWrittenBeforeCredentialKeysExistedReadsWithoutOne() throws Exception {
    String old = AgentConfigCodec.toYaml(config).replaceAll("(?m)^\\s*credential-key:.*\\n", "");
    assertThat(old).doesNotContain("credential-key");
    assertThat(AgentConfigCodec.fromYaml(old).providerAccess().credentialKey()).isNull();
  }
}
