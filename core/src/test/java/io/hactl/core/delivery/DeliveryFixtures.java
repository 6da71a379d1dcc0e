package io.hactl.core.delivery;

import io.hactl.config.AgentDelivery;
import io.hactl.config.ControllerDb;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.plugin.api.AgentDistribution;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Agent configs and sources as a master would hand them to the renderer. */
final class DeliveryFixtures {

  static final String SECRET = "c2VjcmV0LWtleS1vZi10aGUtcmVwbGljYS1zZXQtZm9yLXRlc3Rz";
  static final String SHA = "ab".repeat(32);

  private DeliveryFixtures() {}

  static AgentConfig controller(String machineId) {
    return new AgentConfig("uuid-1", "cloudy", machineId, true, "hactl-12345678", SECRET,
        List.of("10.0.0.5:37017"), Duration.ofSeconds(1), access(ControllerDb.EMBEDDED));
  }

  static AgentConfig plainMachine(String machineId) {
    return controller("0").forMachine(machineId, false, List.of("10.0.0.5:37017"));
  }

  static ProviderAccess access(ControllerDb db) {
    return new ProviderAccess("lxd", Map.of("image", "hactl"), List.of(Path.of("/home/u/plugins")),
        Path.of("/home/u/.local/share/hactl/cloudy/provider"),
        new AgentDistribution(Path.of("/usr/lib/jvm/bin/java"), List.of(Path.of("/home/u/a.jar")),
            "io.hactl.agent.AgentMain", List.of("-Xmx96m")),
        37017, new AgentDelivery(null, null, 17071, null), db);
  }

  static AgentSource source() {
    return new AgentSource(List.of(URI.create("http://10.0.0.5:17071/hactl-agent.tar.gz"),
        URI.create("http://10.0.0.6:17071/hactl-agent.tar.gz")), SHA);
  }
}
