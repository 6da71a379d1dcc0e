package io.hactl.core.backup;

import java.time.Duration;
import java.util.List;

/**
 * A completed restore.
 *
 * @param backupId the backup restored
 * @param environment the environment's name
 * @param controllerMachine the new controller's machine id
 * @param controllerAddress its member's {@code host:port}
 * @param stoppedInstances instances of the old controllers (and of machines the backup does not
 *     know) that were stopped first
 * @param machines every machine now in state, in id order
 * @param redirectedMachines plain machines still running whose agents were told the new
 *     controller's address
 * @param took how long the restore took
 * @param keptControllers for a restore into the running controllers (without {@code -b}):
 *     the controllers kept as they were; empty when a new controller was brought up. Then
 *     {@code controllerMachine} is the master's machine and {@code stoppedInstances} the
 *     instances of machines the backup does not know, which the master stops
 */
public record RestoreResult(String backupId, String environment, String controllerMachine,
    String controllerAddress, List<String> stoppedInstances, List<String> machines,
    List<String> redirectedMachines, Duration took, List<String> keptControllers) {

  public RestoreResult {
    stoppedInstances = List.copyOf(stoppedInstances);
    machines = List.copyOf(machines);
    redirectedMachines = List.copyOf(redirectedMachines);
    keptControllers = List.copyOf(keptControllers);
  }

  /** A restore into a new controller ({@code -b}). */
  public RestoreResult(String backupId, String environment, String controllerMachine,
      String controllerAddress, List<String> stoppedInstances, List<String> machines,
      List<String> redirectedMachines, Duration took) {
    this(backupId, environment, controllerMachine, controllerAddress, stoppedInstances,
        machines, redirectedMachines, took, List.of());
  }

  /** Whether the backup went into the running controllers rather than a new one. */
  public boolean intoRunningControllers() {
    return !keptControllers.isEmpty();
  }
}
