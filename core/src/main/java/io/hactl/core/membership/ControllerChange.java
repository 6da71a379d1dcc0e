package io.hactl.core.membership;

import java.util.Objects;

/**
 * The state an existing machine's record must reach when an {@link EnableHaPlan} is applied.
 *
 * @param machineId the machine whose record changes
 * @param controller whether it has the controller job afterwards ({@code false}: drop the job)
 * @param wantsVote its wants-vote afterwards
 */
public record ControllerChange(String machineId, boolean controller, boolean wantsVote) {

  public ControllerChange {
    Objects.requireNonNull(machineId, "machineId");
    if (!controller && wantsVote) {
      throw new IllegalArgumentException("machine " + machineId + ": only a controller can vote");
    }
  }
}
