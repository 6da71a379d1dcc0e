package io.hactl.core.provider;

import io.hactl.core.HactlException;
import io.hactl.core.provider.internal.BoundedCalls;
import io.hactl.core.provider.internal.Failures;
import io.hactl.core.provider.internal.ProviderDiscovery;
import io.hactl.core.provider.internal.ProviderPluginManager;
import io.hactl.plugin.api.ProviderSpi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider plugins found in hactl's plugin folders, loaded with PF4J.
 *
 * <pre>{@code
 * try (ProviderRegistry registry = ProviderRegistry.load(List.of(pluginsDir), Duration.ofSeconds(30))) {
 *   registry.problems().forEach(problem -> warn(problem));   // broken plugins, hactl goes on
 *   GuardedProvider local = registry.provider("local");      // BAD_INPUT if none
 *   Instance instance = local.startInstance(context, spec);  // bounded by the timeout
 * }
 * }</pre>
 *
 * <p>A plugin jar that cannot be read, a plugin whose {@code start()} throws, an extension class
 * that is missing or fails to construct: each becomes a {@link PluginProblem} and the other
 * plugins work as usual. Two plugins offering the same type: the first by plugin id wins. A jar
 * whose {@code Hactl-Spi-Version} is missing or incompatible with {@link
 * io.hactl.plugin.api.ProviderSpi#VERSION} is refused before any of its classes is loaded, with a
 * problem naming both versions.
 */
public final class ProviderRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

  private final List<Path> pluginRoots;
  private final ProviderPluginManager manager;
  private final BoundedCalls calls;
  private final Map<String, GuardedProvider> providers;
  private final List<PluginProblem> problems;

  private ProviderRegistry(List<Path> pluginRoots, ProviderPluginManager manager,
      BoundedCalls calls, Map<String, GuardedProvider> providers, List<PluginProblem> problems) {
    this.pluginRoots = pluginRoots;
    this.manager = manager;
    this.calls = calls;
    this.providers = providers;
    this.problems = problems;
  }

  /**
   * Loads every plugin jar found directly in the given folders; never throws for a bad plugin.
   * Folders that do not exist are skipped.
   *
   * @param pluginRoots folders of plugin jars, e.g. the built-in plugins and the user's own
   * @param callTimeout how long any one call into a plugin may take
   */
  public static ProviderRegistry load(List<Path> pluginRoots, Duration callTimeout) {
    List<Path> roots = pluginRoots.stream().map(root -> root.toAbsolutePath().normalize())
        .distinct().toList();
    // A missing folder (the user's own, before any plugin is installed) is skipped here, not
    // reported by PF4J as a warning on every command; messages still name it.
    List<Path> existing = roots.stream().filter(Files::isDirectory).toList();
    BoundedCalls calls = new BoundedCalls(callTimeout);
    if (existing.isEmpty()) {
      return new ProviderRegistry(roots, null, calls, Map.of(), List.of());
    }
    ProviderPluginManager manager = new ProviderPluginManager(existing);
    List<PluginProblem> problems = new ArrayList<>(manager.loadAndStart());
    ProviderDiscovery.Result found = ProviderDiscovery.discover(manager, calls);
    problems.addAll(found.problems());
    Map<String, GuardedProvider> providers = new TreeMap<>();
    found.providers().forEach((type, provider) -> providers.put(type, new GuardedProvider(
        type, provider.pluginId(), manager.pluginVersion(provider.pluginId()),
        manager.spiVersion(provider.pluginId()), provider.provider(), provider.loader(), calls)));
    problems.forEach(problem -> LOG.warn("{}", problem));
    return new ProviderRegistry(roots, manager, calls, Map.copyOf(providers),
        List.copyOf(problems));
  }

  /** The provider types available, sorted. */
  public List<String> types() {
    return providers.keySet().stream().sorted().toList();
  }

  /**
   * Every loaded provider, sorted by type, with its plugin's versions and the settings it
   * accepts. A provider that cannot describe its settings becomes a problem in the result, and
   * the others are still described.
   */
  public ProviderListing describe() {
    List<ProviderDescription> described = new ArrayList<>();
    List<PluginProblem> failed = new ArrayList<>(problems);
    for (String type : types()) {
      GuardedProvider provider = providers.get(type);
      try {
        described.add(provider.describe());
      } catch (HactlException e) {
        failed.add(new PluginProblem(provider.pluginId(), e.getMessage()));
      }
    }
    return new ProviderListing(ProviderSpi.VERSION, described, failed);
  }

  /** Plugins that failed to load or start, or whose providers could not be used. */
  public List<PluginProblem> problems() {
    return problems;
  }

  /** The folders plugins were loaded from, absolute. */
  public List<Path> pluginRoots() {
    return pluginRoots;
  }

  /**
   * The provider of the given type.
   *
   * @throws HactlException BAD_INPUT when no loaded plugin provides that type
   */
  public GuardedProvider provider(String type) throws HactlException {
    GuardedProvider provider = providers.get(type);
    if (provider != null) {
      return provider;
    }
    String installed = providers.isEmpty() ? "none" : String.join(", ", types());
    String folders = pluginRoots.isEmpty() ? "none"
        : pluginRoots.stream().map(Path::toString).collect(Collectors.joining(", "));
    String broken = problems.isEmpty() ? "" : "; plugins that failed to load: "
        + problems.stream().map(PluginProblem::plugin).distinct().collect(Collectors.joining(", "));
    throw HactlException.badInput("no provider plugin for type \"" + type + "\"; installed: "
        + installed + "; plugins folder: " + folders + broken);
  }

  /** Stops and unloads the plugins; calls still running are interrupted. */
  @Override
  public void close() {
    if (manager != null) {
      try {
        calls.call("plugins", "stop", getClass().getClassLoader(), () -> {
          // PF4J 3.15's stopPlugins() and unloadPlugins() modify the lists they iterate (a
          // ConcurrentModificationException): unloading one by one from a copy stops each
          // plugin, then unloads it.
          for (var plugin : new java.util.ArrayList<>(manager.getPlugins())) {
            manager.unloadPlugin(plugin.getPluginId());
          }
          return Boolean.TRUE;
        });
      } catch (HactlException e) {
        LOG.warn("{}", e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("stopping plugins failed: {}", Failures.describe(e));
      }
    }
    calls.close();
  }
}
