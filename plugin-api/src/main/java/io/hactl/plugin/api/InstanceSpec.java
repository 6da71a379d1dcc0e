package io.hactl.plugin.api;

import java.util.Map;
import java.util.Objects;

/**
 * What hactl asks a provider to start: one instance running the agent of one machine.
 *
 * @param machineId the hactl machine id, e.g. {@code "3"}
 * @param controller true when the machine will run a replica-set member (a controller)
 * @param agentConfig the agent's configuration file content (YAML). It contains secrets: write it
 *     only to files of mode 0600 and never log it
 * @param statePort the port the machine's replica-set member listens on; 0 lets the provider
 *     choose a free one (local provider), which it then reports in {@link Instance#ports()} under
 *     {@link Instance#STATE_PORT}
 * @param constraints provider-interpreted constraints such as {@code mem=4G}; may be empty
 * @since 0.1
 */
public record InstanceSpec(
    String machineId,
    boolean controller,
    String agentConfig,
    int statePort,
    Map<String, String> constraints) {

  public InstanceSpec {
    Objects.requireNonNull(machineId, "machineId");
    Objects.requireNonNull(agentConfig, "agentConfig");
    if (statePort < 0 || statePort > 65535) {
      throw new IllegalArgumentException("statePort out of range: " + statePort);
    }
    constraints = Map.copyOf(constraints);
  }

  /** Never prints the agent config: it holds secrets. */
  @Override
  public String toString() {
    return "InstanceSpec[machineId=" + machineId + ", controller=" + controller
        + ", agentConfig=<hidden>, statePort=" + statePort + ", constraints=" + constraints + "]";
  }
}
