package io.hactl.core.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One machine in a status snapshot.
 *
 * @param id the machine id ("0", "1", ...)
 * @param jobs {@code host-units} and, for controllers, {@code manage-environ}
 * @param life {@code alive}, {@code dying} or {@code dead}
 * @param instanceId the provider's instance id, or null when not yet provisioned
 * @param instanceState the provider's view: {@code pending}, {@code running}, {@code stopped},
 *     {@code unknown}, or {@code missing} when the provider no longer has the instance
 * @param addresses addresses of the machine, best first
 * @param ports named ports, e.g. {@code state}
 * @param details provider facts such as {@code pid}
 * @param agentState {@code started} (heartbeat fresh), {@code down} (heartbeat stale) or
 *     {@code pending} (no heartbeat yet)
 * @param lastHeartbeat the agent's last heartbeat by the server's clock, or null
 * @param member the machine's replica-set member, or null when it is not a controller
 * @param provisioningError why starting its instance last failed, or null
 */
public record MachineStatus(
    String id,
    List<String> jobs,
    String life,
    String instanceId,
    String instanceState,
    List<String> addresses,
    Map<String, Integer> ports,
    Map<String, String> details,
    String agentState,
    Instant lastHeartbeat,
    MemberStatus member,
    String provisioningError) {

  public static final String JOB_HOST_UNITS = "host-units";
  public static final String JOB_MANAGE_ENVIRON = "manage-environ";

  public MachineStatus {
    jobs = List.copyOf(jobs);
    addresses = List.copyOf(addresses);
    ports = Map.copyOf(ports);
    details = Map.copyOf(details);
  }

  /** A machine with no provisioning error. */
  public MachineStatus(String id, List<String> jobs, String life, String instanceId,
      String instanceState, List<String> addresses, Map<String, Integer> ports,
      Map<String, String> details, String agentState, Instant lastHeartbeat,
      MemberStatus member) {
    this(id, jobs, life, instanceId, instanceState, addresses, ports, details, agentState,
        lastHeartbeat, member, null);
  }

  public boolean isController() {
    return jobs.contains(JOB_MANAGE_ENVIRON);
  }
}
