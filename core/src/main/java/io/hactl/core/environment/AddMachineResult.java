package io.hactl.core.environment;

import java.util.List;

/** @param machineIds the ids of the machines added, in order */
public record AddMachineResult(List<String> machineIds) {
  public AddMachineResult {
    machineIds = List.copyOf(machineIds);
  }
}
