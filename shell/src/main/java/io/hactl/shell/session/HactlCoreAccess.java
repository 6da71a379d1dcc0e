package io.hactl.shell.session;

import io.hactl.config.HactlPaths;
import io.hactl.core.EnvironmentSummary;
import io.hactl.core.HactlCore;
import io.hactl.core.HactlException;
import io.hactl.core.InstallLayout;
import io.hactl.core.backup.BackupService;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.provider.PluginProblem;
import io.hactl.core.provider.ProviderListing;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@link CoreAccess} over the real {@link HactlCore}. Core is opened on first use, not at start-up:
 * {@code hactl --help} or a bad flag then costs no plugin loading. It is opened at most once per
 * process, and plugin problems are printed once, as warnings, when it opens.
 */
public final class HactlCoreAccess implements CoreAccess {

  private final HactlPaths paths;
  private final PrintWriter warnings;
  private HactlCore core;

  public HactlCoreAccess(HactlPaths paths, PrintWriter warnings) {
    this.paths = paths;
    this.warnings = warnings;
  }

  private synchronized HactlCore core() {
    if (core == null) {
      core = HactlCore.open(paths, InstallLayout.fromSystemProperties(paths.pluginsDirectory()));
      for (PluginProblem problem : core.pluginProblems()) {
        warnings.println("hactl: warning: " + problem);
      }
      warnings.flush();
    }
    return core;
  }

  @Override
  public String currentEnvironmentName() throws HactlException {
    return core().currentEnvironmentName();
  }

  @Override
  public List<EnvironmentSummary> listEnvironments() throws HactlException {
    return core().listEnvironments();
  }

  @Override
  public void switchEnvironment(String name) throws HactlException {
    core().switchEnvironment(name);
  }

  @Override
  public EnvironmentClient openClient(String environmentName) throws HactlException {
    return core().client(environmentName);
  }

  @Override
  public BackupService openBackups(String environmentName) throws HactlException {
    return core().backups(environmentName);
  }

  @Override
  public ProviderListing describeProviders() {
    return core().describeProviders();
  }

  @Override
  public synchronized void close() {
    if (core != null) {
      core.close();
    }
  }
}
