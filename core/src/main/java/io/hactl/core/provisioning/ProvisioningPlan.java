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
 */
public record ProvisioningPlan(List<String> start, List<Instance> adopt, List<String> stop) {

  public ProvisioningPlan {
    start = List.copyOf(start);
    adopt = List.copyOf(adopt);
    stop = List.copyOf(stop);
  }

  public boolean isEmpty() {
    return start.isEmpty() && adopt.isEmpty() && stop.isEmpty();
  }
}
