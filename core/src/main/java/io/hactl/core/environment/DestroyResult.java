package io.hactl.core.environment;

import java.util.List;

/**
 * @param environment the environment's name
 * @param stoppedInstances the provider instance ids that were stopped
 */
public record DestroyResult(String environment, List<String> stoppedInstances) {
  public DestroyResult {
    stoppedInstances = List.copyOf(stoppedInstances);
  }
}
