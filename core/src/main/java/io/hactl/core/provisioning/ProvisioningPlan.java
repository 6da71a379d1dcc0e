package io.hactl.core.provisioning;

import io.hactl.plugin.api.Instance;
import java.util.List;

/**
 * What the provisioner will do in one round.
 *
 * @param start machine ids to start instances for, in id order
 * @param adopt instances the provider already runs for machines state has no instance for
 *     (left by a provisioner that crashed after starting them): recorded, not started again
 * @param stop instance ids whose machines were removed
 * @param convert machine ids that enable-ha {@code --to} made controllers while they run a
 *     plain machine's instance (no replica-set member): that instance is stopped and its record
 *     cleared, so a later round starts the machine again as a controller
 * @param refresh recorded instances whose provider now reports other addresses (a cloud
 *     machine gets its address from DHCP after it was requested): their addresses are recorded
 *     again, so controllers' members become reachable and plain machines show where they are
 */
public record ProvisioningPlan(List<String> start, List<Instance> adopt, List<String> stop,
    List<String> convert, List<Instance> refresh) {

  public ProvisioningPlan {
    start = List.copyOf(start);
    adopt = List.copyOf(adopt);
    stop = List.copyOf(stop);
    convert = List.copyOf(convert);
    refresh = List.copyOf(refresh);
  }

  /** A plan that refreshes no addresses. */
  public ProvisioningPlan(List<String> start, List<Instance> adopt, List<String> stop,
      List<String> convert) {
    this(start, adopt, stop, convert, List.of());
  }

  /** A plan that converts no machine. */
  public ProvisioningPlan(List<String> start, List<Instance> adopt, List<String> stop) {
    this(start, adopt, stop, List.of(), List.of());
  }

  public boolean isEmpty() {
    return start.isEmpty() && adopt.isEmpty() && stop.isEmpty() && convert.isEmpty()
        && refresh.isEmpty();
  }
}
