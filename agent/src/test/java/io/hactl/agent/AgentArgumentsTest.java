package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

  @Test
  void parsesTheFlagsAProviderPasses() {
    AgentArguments args = AgentArguments.parse("--config", "/d/m-0/agent.yaml",
        "--state-port", "4000", "--address", "127.0.0.2");
    assertThat(args.configFile()).isEqualTo(Path.of("/d/m-0/agent.yaml"));
    assertThat(args.statePort()).isEqualTo(4000);
    assertThat(args.address()).isEqualTo("127.0.0.2");
    assertThat(args.dataDirectory()).isEqualTo(Path.of("/d/m-0"));
  }

  @Test
  void refusesMissingConfigUnknownFlagsAndBadPorts() {
    assertThatThrownBy(() -> AgentArguments.parse()).hasMessageContaining("--config is required");
    assertThatThrownBy(() -> AgentArguments.parse("--config", "a", "--bogus", "1"))
        .hasMessageContaining("unknown flag --bogus");
    assertThatThrownBy(() -> AgentArguments.parse("--config", "a", "--state-port", "70000"))
        .hasMessageContaining("1..65535");
    assertThatThrownBy(() -> AgentArguments.parse("--config"))
        .hasMessageContaining("needs a value");
  }

  @Test
  void takesTheDistributionACloudMachineWasInstalledFrom() {
    AgentArguments args = AgentArguments.parse("--config", "/var/lib/hactl/agent/agent.yaml",
        "--distribution", "/var/lib/hactl/hactl-agent.tar.gz");
    assertThat(args.distribution()).contains(Path.of("/var/lib/hactl/hactl-agent.tar.gz"));
    assertThat(AgentArguments.parse("--config", "a").distribution()).isEmpty();
  }

  @Test
  void takesTheMongodALocalControllerRunsAsItsChild() {
    AgentArguments args = AgentArguments.parse("--config", "a", "--mongod-path",
        "/opt/mongodb/bin/mongod");
    assertThat(args.mongodPath()).contains("/opt/mongodb/bin/mongod");
    assertThat(AgentArguments.parse("--config", "a").mongodPath())
        .as("a cloud machine's systemd runs mongod, not the agent").isEmpty();
    assertThatThrownBy(() -> AgentArguments.parse("--config", "a", "--mongod-path", " "))
        .hasMessageContaining("--mongod-path must not be empty");
  }
}
