package io.hactl.core;

import io.hactl.config.ConfigException;
import io.hactl.config.EnvironmentConfig;
import io.hactl.config.Environments;
import io.hactl.config.EnvironmentsLoader;
import io.hactl.config.HactlPaths;
import io.hactl.core.backup.BackupService;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.environment.internal.DefaultBackupService;
import io.hactl.core.environment.internal.DefaultEnvironmentClient;
import io.hactl.core.provider.PluginProblem;
import io.hactl.core.provider.ProviderListing;
import io.hactl.core.provider.ProviderRegistry;
import io.hactl.core.store.ClientStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry point the shell and the dashboard use: configuration, the client store, the provider
 * plugins and one {@link EnvironmentClient} per environment.
 */
public final class HactlCore implements AutoCloseable {

  /** How long any single provider call may take before it is abandoned. */
  public static final Duration PROVIDER_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final HactlPaths paths;
  private final InstallLayout layout;
  private final ProviderRegistry providers;
  private final ClientStore store;

  private HactlCore(HactlPaths paths, InstallLayout layout, ProviderRegistry providers) {
    this.paths = paths;
    this.layout = layout;
    this.providers = providers;
    this.store = new ClientStore(paths);
  }

  /** Loads provider plugins; bad plugins are reported by {@link #pluginProblems()}, never fatal. */
  public static HactlCore open(HactlPaths paths, InstallLayout layout) {
    return new HactlCore(paths, layout,
        ProviderRegistry.load(layout.pluginRoots(), PROVIDER_CALL_TIMEOUT));
  }

  public HactlPaths paths() {
    return paths;
  }

  /** Reads environments.yaml afresh, so edits take effect in a running REPL. */
  public Environments environments() throws HactlException {
    try {
      return EnvironmentsLoader.load(paths.configFile());
    } catch (ConfigException e) {
      throw new HactlException(HactlException.Kind.BAD_INPUT, e.getMessage(), e);
    }
  }

  /** The environment commands act on: the one chosen with {@code switch}, else the default. */
  public String currentEnvironmentName() throws HactlException {
    return current(environments()).orElseThrow(() -> HactlException.badInput(
        "no environment chosen: environments.yaml has several and no default; run"
            + " `hactl switch NAME` or add `default: NAME` to " + paths.configFile()));
  }

  /**
   * The chosen environment if it still exists, else the default; empty when there are several
   * environments and neither, which is a normal state for listing, not an error.
   */
  private Optional<String> current(Environments environments) {
    var chosen = store.currentEnvironment().filter(environments.environments()::containsKey);
    if (chosen.isPresent()) {
      return chosen;
    }
    return environments.defaultEnvironment().map(EnvironmentConfig::name);
  }

  /** Makes {@code name} the current environment, after checking it exists. */
  public void switchEnvironment(String name) throws HactlException {
    environment(name);
    store.setCurrentEnvironment(name);
  }

  /**
   * Every configured environment, in configuration order. Works when none is current (several
   * environments, no default, no {@code switch} yet): then every summary has current=false.
   */
  public List<EnvironmentSummary> listEnvironments() throws HactlException {
    Environments environments = environments();
    String current = current(environments).orElse(null);
    String byDefault = environments.defaultEnvironment().map(EnvironmentConfig::name).orElse(null);
    List<EnvironmentSummary> summaries = new ArrayList<>();
    for (EnvironmentConfig env : environments.environments().values()) {
      summaries.add(new EnvironmentSummary(env.name(), env.type(), env.name().equals(byDefault),
          env.name().equals(current), store.environmentRecord(env.name()).isPresent()));
    }
    return summaries;
  }

  /** A client for one environment; close it when done. */
  public EnvironmentClient client(String environmentName) throws HactlException {
    EnvironmentConfig config = environment(environmentName);
    return DefaultEnvironmentClient.open(config, providers.provider(config.type()), store,
        layout);
  }

  /**
   * The backups of one environment: create, list, download, upload, remove, restore. Close it
   * when done.
   *
   * @since issue 8
   */
  public BackupService backups(String environmentName) throws HactlException {
    EnvironmentConfig config = environment(environmentName);
    return DefaultBackupService.open(config, providers.provider(config.type()), store, layout);
  }

  /** The loaded providers with their versions and settings, for {@code hactl providers}. */
  public ProviderListing describeProviders() {
    return providers.describe();
  }

  /** Plugins that could not be loaded, each naming the plugin and the cause. */
  public List<PluginProblem> pluginProblems() {
    return providers.problems();
  }

  private EnvironmentConfig environment(String name) throws HactlException {
    try {
      return environments().get(name);
    } catch (ConfigException e) {
      throw new HactlException(HactlException.Kind.BAD_INPUT, e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    providers.close();
  }
}
