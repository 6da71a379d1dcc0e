package io.hactl.core.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerLauncherTest {

  @TempDir Path dir;

  private static Instance stopped(Map<String, String> details) {
    return new Instance("env-machine-0", "0", InstanceState.STOPPED, List.of(), Map.of(),
        details);
  }

  @Test
  void quotesTheLastReasonTheAgentGaveInItsLog() throws Exception {
    Path log = Files.writeString(dir.resolve("agent.out"), String.join("\n",
        "2026-11-26T04:00:00 INFO io.hactl.agent.AgentMain - starting agent of machine 0",
        "hactl-agent: an older reason",
        "2026-11-26T04:00:01 INFO io.hactl.agent.MongodMember - looking for mongod",
        "hactl-agent: cannot start the mongod of machine 0: no executable mongod on PATH",
        ""));

    assertThat(ControllerLauncher.agentsReason(stopped(Map.of("log", log.toString()))))
        .contains("cannot start the mongod of machine 0: no executable mongod on PATH");
  }

  @Test
  void saysNothingWithoutAReasonOrALocalLog() throws Exception {
    Path log = Files.writeString(dir.resolve("agent.out"), "killed\n");
    assertThat(ControllerLauncher.agentsReason(stopped(Map.of("log", log.toString()))))
        .isEmpty();
    assertThat(ControllerLauncher.agentsReason(stopped(Map.of("log", "i-0abc console"))))
        .isEmpty();
    assertThat(ControllerLauncher.agentsReason(stopped(Map.of()))).isEmpty();
  }
}
