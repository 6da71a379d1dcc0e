package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.shell.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

/**
 * {@code hactl}: with a verb, runs it; without one, opens the REPL. The same instance serves every
 * line of a REPL session (picocli resets options to their defaults before each parse).
 */
@Command(name = "hactl", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Manage highly available environments of machines.%n"
        + "Without a command, opens an interactive shell on the current environment.",
    subcommands = {
        BootstrapCommand.class,
        StatusCommand.class,
        EnableHaCommand.class,
        ControllersCommand.class,
        ShowControllerCommand.class,
        AddMachineCommand.class,
        RemoveMachineCommand.class,
        DestroyEnvironmentCommand.class,
        UpdateCredentialsCommand.class,
        EnvironmentsCommand.class,
        SwitchCommand.class,
        ProvidersCommand.class,
        DashboardCommand.class,
        DebugLogCommand.class,
        CreateBackupCommand.class,
        BackupsCommand.class,
        ShowBackupCommand.class,
        DownloadBackupCommand.class,
        UploadBackupCommand.class,
        RemoveBackupCommand.class,
        RestoreBackupCommand.class,
        HelpCommand.class
    })
public final class HactlCommand implements Callable<Integer> {

  /** What {@code hactl} with no verb does: open the REPL, or refuse when already in it. */
  @FunctionalInterface
  public interface ReplLauncher {
    /** Runs the REPL until the user leaves it and returns the process's exit code. */
    int open(String environment) throws HactlException;
  }

  @Mixin
  GlobalOptions globalOptions;

  private final Session session;
  private final ReplLauncher repl;

  public HactlCommand(Session session, ReplLauncher repl) {
    this.session = session;
    this.repl = repl;
  }

  @Override
  public Integer call() throws HactlException {
    return repl.open(globalOptions.environment());
  }

  public Session session() {
    return session;
  }

  GlobalOptions globalOptions() {
    return globalOptions;
  }
}
