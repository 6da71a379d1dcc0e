package io.hactl.core.environment;

import java.util.List;

/** @param machineIds the ids of the machines removed, in order */
public record RemoveMachineResult(List<String> machineIds) {
  public RemoveMachineResult {
    machineIds = List.copyOf(machineIds);
  }
}
