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
 */
public record RestoreResult(String backupId, String environment, String controllerMachine,
    String controllerAddress, List<String> stoppedInstances, List<String> machines,
    List<String> redirectedMachines, Duration took) {

  public RestoreResult {
    stoppedInstances = List.copyOf(stoppedInstances);
    machines = List.copyOf(machines);
    redirectedMachines = List.copyOf(redirectedMachines);
  }
}
