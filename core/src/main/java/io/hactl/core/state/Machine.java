package io.hactl.core.state;

import io.hactl.plugin.api.Placement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A machine as recorded in state.
 *
 * @param id the machine id: decimal, allocated from a counter, never reused
 * @param jobs {@link #JOB_HOST_UNITS} and, for controllers, {@link #JOB_MANAGE_ENVIRON}
 * @param life {@code alive}, {@code dying} or {@code dead}
 * @param instanceId the provider's instance id; null until provisioned
 * @param addresses the instance's addresses, best first
 * @param ports the instance's named ports (e.g. {@code state})
 * @param wantsVote whether hactl wants this machine's member to vote
 * @param hasVote whether its member votes in the replica set's configuration
 * @param constraints provider constraints the machine was asked for
 * @param provisioningError why the provisioner last failed to start its instance, or null
 * @param addedAt when the machine was added, or last became a controller: the start of its
 *     start-up grace (see {@code membership.Availability})
 * @param placement where the machine was asked to go ({@code --to zone=...}); {@link
 *     Placement#ANYWHERE} when nothing was asked
 */
public record Machine(
    String id,
    List<String> jobs,
    String life,
    String instanceId,
    List<String> addresses,
    Map<String, Integer> ports,
    boolean wantsVote,
    boolean hasVote,
    Map<String, String> constraints,
    String provisioningError,
    Instant addedAt,
    Placement placement) {

  public static final String JOB_HOST_UNITS = "host-units";
  public static final String JOB_MANAGE_ENVIRON = "manage-environ";
  public static final String ALIVE = "alive";

  /** A machine placed wherever the provider likes. */
  public Machine(String id, List<String> jobs, String life, String instanceId,
      List<String> addresses, Map<String, Integer> ports, boolean wantsVote, boolean hasVote,
      Map<String, String> constraints, String provisioningError, Instant addedAt) {
    this(id, jobs, life, instanceId, addresses, ports, wantsVote, hasVote, constraints,
        provisioningError, addedAt, Placement.ANYWHERE);
  }

  public Machine {
    Objects.requireNonNull(id, "id");
    placement = placement == null ? Placement.ANYWHERE : placement;
    jobs = List.copyOf(jobs);
    Objects.requireNonNull(life, "life");
    addresses = List.copyOf(addresses);
    ports = Map.copyOf(ports);
    constraints = Map.copyOf(constraints);
  }

  public Machine withInstance(String newInstanceId, List<String> newAddresses,
      Map<String, Integer> newPorts) {
    return new Machine(id, jobs, life, newInstanceId, newAddresses, newPorts, wantsVote, hasVote,
        constraints, provisioningError, addedAt, placement);
  }

  public Machine withProvisioningError(String error) {
    return new Machine(id, jobs, life, instanceId, addresses, ports, wantsVote, hasVote,
        constraints, error, addedAt, placement);
  }

  public Machine withHasVote(boolean vote) {
    return new Machine(id, jobs, life, instanceId, addresses, ports, wantsVote, vote,
        constraints, provisioningError, addedAt, placement);
  }

  /**
   * This machine after an enable-ha change: with or without the controller job, wanting a
   * vote or not. Becoming a controller restarts the start-up grace at {@code now}.
   */
  public Machine withControllerRole(boolean controller, boolean wants, Instant now) {
    List<String> newJobs = controller
        ? List.of(JOB_HOST_UNITS, JOB_MANAGE_ENVIRON) : List.of(JOB_HOST_UNITS);
    Instant since = controller && !isController() ? now : addedAt;
    return new Machine(id, newJobs, life, instanceId, addresses, ports, wants, hasVote,
        constraints, provisioningError, since, placement);
  }

  public boolean isController() {
    return jobs.contains(JOB_MANAGE_ENVIRON);
  }

  /** The {@code host:port} of this machine's replica-set member, if it is a controller. */
  public String stateAddress() {
    Integer port = ports.get("state");
    if (!isController() || port == null || addresses.isEmpty()) {
      return null;
    }
    return addresses.get(0) + ":" + port;
  }

  /** Numeric order of ids, so machine 10 sorts after machine 9. */
  public static int compareIds(String a, String b) {
    int byLength = Integer.compare(a.length(), b.length());
    return byLength != 0 ? byLength : a.compareTo(b);
  }
}
