package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.membership.EnableHaRequest;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.core.provider.ConstraintsSyntax;
import io.hactl.core.provisioning.PlacementSyntax;
import io.hactl.plugin.api.Placement;
import io.hactl.shell.render.Documents;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code enable-ha}: asks for a highly available set of controllers. Constraints and zones are
 * parsed by core ({@link ConstraintsSyntax}, {@link PlacementSyntax}); the count's rules (odd, 3
 * to 7, never fewer than now) belong to core's planner, whose messages are the ones users see.
 */
@Command(name = "enable-ha", mixinStandardHelpOptions = true,
    description = {
        "Make the environment's controllers highly available.",
        "Plans the controller set and records it; the master carries the changes out moments"
            + " later (new controllers join without a vote and get one once caught up). Down"
            + " controllers that want a vote are demoted and replaced. The count can only"
            + " grow: to shrink, create a backup and restore it into a new environment.",
        "Watch progress with `hactl controllers` or `hactl status`."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the changes were recorded",
        "1:they could not be recorded (e.g. another enable-ha ran at the same time)",
        "2:bad input: an even, too large or smaller count, an unknown machine, bad"
            + " constraints or placement, bad flags",
        "3:no quorum: fewer than a majority of voting controllers are up"})
final class EnableHaCommand extends EnvironmentCommand {

  @Option(names = "-n", paramLabel = "N", defaultValue = "0",
      completionCandidates = ControllerCounts.class,
      description = "How many controllers: odd, 3 to 7. Default: the current number of voting"
          + " controllers, rounded up to odd, at least 3.")
  int count;

  @Option(names = "--to", paramLabel = "ID|zone=NAME", split = ",",
      description = "Existing machines to make controllers before new ones are added (e.g."
          + " --to 4,5), and zones for the new ones, taken in turn (e.g. --to"
          + " zone=a,zone=b,zone=c spreads them over three zones).")
  List<String> placement;

  @Option(names = "--constraints", paramLabel = "C",
      description = "Constraints for new controller machines, e.g. " + ConstraintsSyntax.EXAMPLE
          + " (keys: mem, cores, root-disk, instance-type, arch, tags); may be repeated."
          + " Default: those of the first controller.")
  List<String> constraints;

  @Mixin
  SimpleFormatOption format;

  @Override
  void run() throws HactlException {
    List<String> ids = new ArrayList<>();
    List<Placement> zones = new ArrayList<>();
    for (String token : placement == null ? List.<String>of() : placement) {
      if (!PlacementSyntax.isMachineId(token)) {
        zones.add(PlacementSyntax.parse(token));
      } else if (ids.contains(token.strip())) {
        throw new ParameterException(spec.commandLine(),
            "--to names machine " + token.strip() + " twice");
      } else {
        ids.add(token.strip());
      }
    }
    Map<String, String> wanted = ConstraintsSyntax.parse(
        constraints == null ? "" : String.join(" ", constraints));
    EnableHaRequest request = new EnableHaRequest(count, ids);
    String environment = environment();
    EnableHaResult result = client(environment).enableHa(request, wanted, zones);
    List<String> newControllers = new ArrayList<>(result.added());
    newControllers.addAll(result.converted());
    session().knownMachines().addedControllers(environment, newControllers);
    String simple = result.render();
    print(format.format(), Documents.enableHa(result), simple.isEmpty() ? "" : simple + "\n");
  }

  /** The counts enable-ha accepts, for completion and help. */
  static final class ControllerCounts implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("3", "5", "7").iterator();
    }
  }
}
