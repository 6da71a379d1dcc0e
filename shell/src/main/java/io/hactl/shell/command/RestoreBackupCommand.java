package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupService;
import io.hactl.core.backup.RestoreRequest;
import io.hactl.core.backup.RestoreResult;
import io.hactl.shell.render.BackupDocuments;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code restore-backup}: brings an environment back from a backup, either into one new
 * controller ({@code -b}; the old controllers are stopped first) or into the controllers that
 * run now. Anything running is stopped only after confirmation, unless {@code -y}.
 */
@Command(name = "restore-backup", mixinStandardHelpOptions = true,
    description = {
        "Restore a backup into a new controller (-b) or into the running controllers.",
        "With -b, stops what remains of the old controllers (asking first unless -y), starts"
            + " one new controller with the backup's identity, loads the backup and points this"
            + " client at it. Machines recorded in the backup reappear: plain machines still"
            + " running reconnect, the others show as down. Then `hactl enable-ha` grows the"
            + " controllers again. This is the way back when too few controllers remain.",
        "Without -b, the running controllers stay and the environment's state returns to the"
            + " backup's: machines the backup does not know are removed (their instances"
            + " stopped). The controllers must have a quorum.",
        "A corrupt or newer archive is refused, as is restoring over a healthy environment"
            + " without --force."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:restored", "1:failed or cancelled", "2:bad input, bad archive",
        "3:without -b: too few controllers answer (use -b)"})
final class RestoreBackupCommand extends EnvironmentCommand {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--file", paramLabel = "FILE", required = true,
        description = "A backup archive, as create-backup or download-backup wrote it.")
    Path file;

    @Option(names = "--id", paramLabel = "ID", required = true,
        description = "A backup the controllers keep (read from any that still answers).")
    String id;
  }

  @Option(names = "-b", description = "Bring up a new controller and restore into it.")
  boolean bootstrap;

  @Option(names = {"-y", "--yes"}, description = "Do not ask before stopping anything.")
  boolean yes;

  @Option(names = "--force",
      description = "Restore even though the environment's controllers are healthy"
          + " (always so without -b).")
  boolean force;

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    String environment = environment();
    RestoreRequest request = new RestoreRequest(source.file, source.id, bootstrap, force,
        yes ? question -> true : this::ask);
    RestoreResult result;
    try (BackupService backups = session().backups(environment)) {
      // The session's client holds connections to the old controllers: never reuse them.
      session().discardClient(environment);
      result = backups.restore(request);
    } catch (NoConfirmation e) {
      throw HactlException.badInput("cannot restore without confirmation: no terminal to ask"
          + " on; pass -y to confirm");
    }
    print(format.format(), BackupDocuments.restored(result), text(result));
  }

  private boolean ask(String question) {
    Optional<String> answer = session().console().ask(question + "\nContinue? (y/N): ");
    if (answer.isEmpty()) {
      throw new NoConfirmation();
    }
    return answer.get().strip().toLowerCase(Locale.ROOT).matches("y|yes");
  }

  private static String text(RestoreResult r) {
    if (r.intoRunningControllers()) {
      return textInPlace(r);
    }
    StringBuilder out = new StringBuilder();
    out.append("restored backup ").append(r.backupId()).append(" into environment ")
        .append(r.environment()).append(" in ").append(r.took().toSeconds()).append("s\n");
    out.append("controller: machine ").append(r.controllerMachine()).append(" at ")
        .append(r.controllerAddress()).append('\n');
    if (!r.stoppedInstances().isEmpty()) {
      out.append("stopped: ").append(String.join(", ", r.stoppedInstances())).append('\n');
    }
    out.append("machines: ").append(String.join(", ", r.machines())).append('\n');
    if (!r.redirectedMachines().isEmpty()) {
      out.append("reconnecting: ").append(String.join(", ", r.redirectedMachines()))
          .append('\n');
    }
    out.append("run `hactl enable-ha` to add controllers again\n");
    return out.toString();
  }

  private static String textInPlace(RestoreResult r) {
    StringBuilder out = new StringBuilder();
    out.append("restored backup ").append(r.backupId()).append(" into the running controllers")
        .append(" of ").append(r.environment()).append(" in ").append(r.took().toSeconds())
        .append("s\n");
    out.append("controllers kept: ").append(String.join(", ", r.keptControllers()))
        .append('\n');
    if (!r.stoppedInstances().isEmpty()) {
      out.append("stopping: ").append(String.join(", ", r.stoppedInstances())).append('\n');
    }
    out.append("machines: ").append(String.join(", ", r.machines())).append('\n');
    return out.toString();
  }

  /** No terminal to ask on: refused before anything changed. */
  private static final class NoConfirmation extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
