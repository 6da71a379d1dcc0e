package io.hactl.core.membership;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state enable-ha plans from.
 *
 * @param controllers every machine that has the controller job, in any order
 * @param convertible ids of existing machines that {@code --to} may convert: alive, provisioned,
 *     and not controllers
 */
public record EnableHaObservation(List<ControllerView> controllers, Set<String> convertible) {

  public EnableHaObservation {
    controllers = List.copyOf(controllers);
    convertible = Set.copyOf(convertible);
    Set<String> seen = new HashSet<>();
    for (ControllerView c : controllers) {
      if (!seen.add(c.machineId())) {
        throw new IllegalArgumentException("controller " + c.machineId() + " listed twice");
      }
    }
  }

  /** An observation of controllers only, with no machine to convert. */
  public static EnableHaObservation of(ControllerView... controllers) {
    return new EnableHaObservation(List.of(controllers), Set.of());
  }
}
