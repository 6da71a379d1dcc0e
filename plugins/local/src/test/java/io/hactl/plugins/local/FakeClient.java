package io.hactl.plugins.local;

import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stands in for a one-shot hactl client in the local provider's tests: a separate JVM that starts
 * one controller instance running {@link FakeAgent}, prints the agent's pid and exits.
 *
 * <p>Arguments: the storage directory, the java executable, the agent's class path.
 */
public final class FakeClient {
  private FakeClient() {}

  public static void main(String[] args) throws Exception {
    ProviderContext context = new ProviderContext("test-env", "uuid-1", Map.of(), Path.of(args[0]),
        new AgentDistribution(Path.of(args[1]), List.of(Path.of(args[2])),
            FakeAgent.class.getName(), List.of("-Xmx32m", "-XX:TieredStopAtLevel=1")));
    Instance instance = new LocalProvider().startInstance(context,
        new InstanceSpec("0", true, "secret: s3cr3t\n", "", 0, Constraints.NONE, Placement.ANYWHERE));
    System.out.println("pid=" + instance.details().get("pid"));
  }
}
