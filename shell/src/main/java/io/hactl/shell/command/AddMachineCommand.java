package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.environment.AddMachineResult;
import io.hactl.core.provider.ConstraintsSyntax;
import io.hactl.core.provisioning.PlacementSyntax;
import io.hactl.plugin.api.Placement;
import io.hactl.shell.render.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code add-machine}: plain machines that host units, optionally with constraints and zones
 * (parsed by core's {@link ConstraintsSyntax} and {@link PlacementSyntax}).
 */
@Command(name = "add-machine", mixinStandardHelpOptions = true,
    description = "Start new machines that host units (not controllers).")
final class AddMachineCommand extends EnvironmentCommand {

  static final int MAX_AT_ONCE = 100;

  @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "1",
      description = "How many machines to add (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--to", paramLabel = "zone=NAME", split = ",",
      description = "Zones for the new machines, taken in turn, e.g. --to zone=us-east-1a;"
          + " a provider without zones refuses them.")
  List<String> placement;

  @Option(names = "--constraints", paramLabel = "C",
      description = "Constraints for the new machines, e.g. " + ConstraintsSyntax.EXAMPLE
          + " (keys: mem, cores, root-disk, instance-type, arch, tags); may be repeated.")
  List<String> constraints;

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    if (count < 1 || count > MAX_AT_ONCE) {
      throw new ParameterException(spec.commandLine(),
          "-n must be between 1 and " + MAX_AT_ONCE + ", was " + count);
    }
    List<Placement> zones = new ArrayList<>();
    for (String directive : placement == null ? List.<String>of() : placement) {
      zones.add(PlacementSyntax.parse(directive));
    }
    Map<String, String> wanted = ConstraintsSyntax.parse(
        constraints == null ? "" : String.join(" ", constraints));
    String environment = environment();
    AddMachineResult result = client(environment).addMachines(count, wanted, zones);
    session().knownMachines().added(environment, result.machineIds());
    String ids = String.join(", ", result.machineIds());
    print(format.format(), Documents.addedMachines(environment, result),
        (result.machineIds().size() == 1 ? "created machine " : "created machines ") + ids
            + "\n");
  }
}
