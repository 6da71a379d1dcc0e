package io.hactl.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An instance as the provider sees it.
 *
 * @param id the provider's instance id, unique within the environment
 * @param machineId the hactl machine the instance was started for
 * @param state the instance's lifecycle state
 * @param addresses addresses the agent can be reached at, best first
 * @param ports named ports, e.g. {@link #STATE_PORT}
 * @param details provider-specific facts shown in status, e.g. {@code pid} for the local provider
 * @since 0.1
 */
public record Instance(
    String id,
    String machineId,
    InstanceState state,
    List<String> addresses,
    Map<String, Integer> ports,
    Map<String, String> details) {

  /** Key in {@link #ports()} of the replica-set member's client port. */
  public static final String STATE_PORT = "state";

  public Instance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(machineId, "machineId");
    Objects.requireNonNull(state, "state");
    addresses = List.copyOf(addresses);
    ports = Map.copyOf(ports);
    details = Map.copyOf(details);
  }
}
