package io.hactl.plugin.api;

import java.util.Objects;

/**
 * What hactl asks a provider to start: one instance running the agent of one machine.
 *
 * @param machineId the hactl machine id, e.g. {@code "3"}
 * @param controller true when the machine will run a replica-set member (a controller)
 * @param agentConfig the agent's configuration file content (YAML). It contains secrets: write it
 *     only to files of mode 0600 and never log it
 * @param userData cloud-init user data that installs and starts the agent on a fresh machine
 *     (rendered by hactl; the same for every cloud provider); empty for providers whose machines
 *     share this host's files. It contains secrets: never log it
 * @param statePort the port the machine's replica-set member listens on; 0 lets the provider
 *     choose a free one (local provider), which it then reports in {@link Instance#ports()} under
 *     {@link Instance#STATE_PORT}
 * @param constraints what the machine must have; {@link Constraints#NONE} for the default
 * @param placement where the machine should go; {@link Placement#ANYWHERE} for the default
 * @since 0.1
 */
public record InstanceSpec(
    String machineId,
    boolean controller,
    String agentConfig,
    String userData,
    int statePort,
    Constraints constraints,
    Placement placement) {

  public InstanceSpec {
    Objects.requireNonNull(machineId, "machineId");
    Objects.requireNonNull(agentConfig, "agentConfig");
    Objects.requireNonNull(userData, "userData");
    if (statePort < 0 || statePort > 65535) {
      throw new IllegalArgumentException("statePort out of range: " + statePort);
    }
    Objects.requireNonNull(constraints, "constraints");
    Objects.requireNonNull(placement, "placement");
  }

  /** Never prints the agent config or user data: they hold secrets. */
  @Override
  public String toString() {
    return "InstanceSpec[machineId=" + machineId + ", controller=" + controller
        + ", agentConfig=<hidden>, userData=<hidden>, statePort=" + statePort
        + ", constraints=" + constraints + ", placement=" + placement + "]";
  }
}
