package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import io.hactl.shell.render.ControllerDocuments;
import io.hactl.shell.render.DocumentWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code show-controller}: every detail of the controller machines, as a document. */
@Command(name = "show-controller", mixinStandardHelpOptions = true,
    description = {
        "Show the environment's controller machines in detail.",
        "ha-status is `ha-enabled` for a voting controller that is up, `ha-pending` while its"
            + " vote is being added or removed, and `down, lost connection` when its agent is"
            + " down; ha-primary is true on the master."})
final class ShowControllerCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Controller machine ids to show (default: all).")
  List<String> machineIds;

  @Mixin
  DocumentFormatOption format;

  @Override
  void run() throws HactlException {
    EnvironmentStatus status = requireBootstrapped(client(environment()).status());
    session().knownMachines().saw(status);
    List<MachineStatus> chosen = chosen(status);
    out().print(DocumentWriter.write(
        ControllerDocuments.showController(status, chosen), format.format()));
  }

  private List<MachineStatus> chosen(EnvironmentStatus status) throws HactlException {
    if (machineIds == null || machineIds.isEmpty()) {
      return status.controllers();
    }
    if (!status.reachable()) {
      throw HactlException.failure("cannot show controller " + String.join(", ", machineIds)
          + " of " + status.name() + ": state is unreachable: " + status.problem(), null);
    }
    List<MachineStatus> chosen = new ArrayList<>();
    for (String id : machineIds) {
      MachineStatus machine = status.machine(id).orElse(null);
      if (machine == null || !machine.isController()) {
        throw HactlException.badInput((machine == null ? "no machine " + id + " in "
            : "machine " + id + " is not a controller of ") + status.name()
            + "; its controllers are " + ids(status.controllers()));
      }
      if (!chosen.contains(machine)) {
        chosen.add(machine);
      }
    }
    return chosen;
  }

  private static String ids(List<MachineStatus> machines) {
    return machines.isEmpty() ? "none"
        : String.join(", ", machines.stream().map(MachineStatus::id).toList());
  }
}
