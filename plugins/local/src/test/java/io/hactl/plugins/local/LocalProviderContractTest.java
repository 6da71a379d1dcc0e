package io.hactl.plugins.local;

import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugins.testkit.ContractTarget;
import io.hactl.plugins.testkit.ProviderContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The provider contract against the local provider packed from target/classes and loaded through
 * PF4J, its machines real JVMs running {@link FakeAgent}.
 */
class LocalProviderContractTest extends ProviderContract {
  @Override
  protected ContractTarget target() {
    return ContractTarget.pluginFromClasses("hactl-provider-local")
        .context(env -> env.context(Map.of(), agent(FakeAgent.class.getName())))
        // An agent that exits at once is the local backend's refusal to start a machine.
        .failingBackend(env -> env.context(Map.of(), agent("no.such.AgentMain")))
        .withoutUserData("local machines share this host's files: the agent config is written"
            + " to disk and no cloud-init user data is used")
        .withoutHangingBackend("the local provider calls no remote backend: it starts"
            + " processes and reads its own files");
  }

  private static AgentDistribution agent(String mainClass) {
    return new AgentDistribution(Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of(Path.of("target", "test-classes").toAbsolutePath()), mainClass,
        List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  }
}
