package io.hactl.core.provider.internal;

import io.hactl.core.provider.PluginProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J configured for hactl: plugins are jar files (with a PF4J manifest and
 * {@code META-INF/extensions.idx}) directly inside any of the plugin roots; always deployment
 * mode, whatever {@code pf4j.mode} says; the SPI and PF4J come from hactl's class loader.
 *
 * <p>PF4J only logs a jar it cannot load and moves on; this manager also remembers why, so that
 * the user sees it, and never lets one plugin's dependency problem stop the others from loading.
 */
public final class ProviderPluginManager extends DefaultPluginManager {
  private final List<PluginProblem> loadProblems = new ArrayList<>();
  private final Map<String, PluginDescriptor> loaded = new TreeMap<>();
  /** By jar: PF4J may list the plugin paths more than once. */
  private final Map<Path, PluginProblem> refused = new TreeMap<>();
  private final Map<String, String> spiVersions = new TreeMap<>();

  /**
   * @param pluginRoots folders of plugin jars; must not be empty (PF4J would then fall back to
   *     a {@code plugins} folder in the working directory)
   */
  public ProviderPluginManager(List<Path> pluginRoots) {
    super(requireRoots(pluginRoots));
    // A plugin whose dependencies are missing is dropped; by default PF4J throws and no plugin
    // at all gets resolved.
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  /**
   * Loads and starts every plugin that can be; returns what went wrong with the others, sorted
   * by plugin. Problems found later (bad extensions) are the caller's to add.
   */
  public List<PluginProblem> loadAndStart() {
    List<PluginProblem> problems = new ArrayList<>();
    try {
      loadPlugins();
    } catch (PluginRuntimeException e) {
      // Only a dependency cycle gets here: nothing could be resolved.
      problems.add(new PluginProblem(String.join(", ", loaded.keySet()),
          "plugins not resolved: " + Failures.describe(e)));
    }
    problems.addAll(refused.values());
    problems.addAll(loadProblems);
    loaded.forEach((id, descriptor) -> {
      // PF4J drops a plugin whose dependencies are missing or of the wrong version.
      if (getPlugin(id) == null) {
        List<String> needed = descriptor.getDependencies().stream()
            .filter(dependency -> !dependency.isOptional())
            .map(ProviderPluginManager::describe)
            .toList();
        problems.add(new PluginProblem(id, "not loaded: it depends on "
            + String.join(", ", needed) + (needed.size() == 1
                ? ", which is not installed at a matching version"
                : ", which are not all installed at matching versions")));
      }
    });
    startPlugins();
    for (PluginWrapper plugin : getPlugins()) {
      if (plugin.getFailedException() != null) {
        problems.add(new PluginProblem(plugin.getPluginId(), "failed to start ("
            + plugin.getPluginPath().getFileName() + "): " + startFailure(plugin)));
      }
    }
    return problems;
  }

  private static String startFailure(PluginWrapper plugin) {
    // PF4J's factory logs and returns null for a bad Plugin-Class; starting it then fails with
    // a NullPointerException that would tell the user nothing.
    if (plugin.getPlugin() == null) {
      return "its Plugin-Class " + plugin.getDescriptor().getPluginClass()
          + " cannot be loaded or is not an org.pf4j.Plugin; fix the jar's manifest";
    }
    return Failures.describeUnexpected(plugin.getFailedException());
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    // Development mode would read plugins from ../plugins source folders.
    return RuntimeMode.DEPLOYMENT;
  }

  /** The provider SPI version a loaded plugin was built for, from its manifest. */
  public String spiVersion(String pluginId) {
    return spiVersions.getOrDefault(pluginId, "unknown");
  }

  /** The version of a loaded plugin, from its manifest. */
  public String pluginVersion(String pluginId) {
    PluginWrapper plugin = getPlugin(pluginId);
    return plugin == null ? "unknown" : plugin.getDescriptor().getVersion();
  }

  @Override
  protected PluginRepository createPluginRepository() {
    // Called from PF4J's constructor, before this class's fields exist; the paths are asked for
    // later, by loadPlugins().
    return new JarPluginRepository(getPluginsRoots()) {
      @Override
      public List<Path> getPluginPaths() {
        return compatibleOnly(super.getPluginPaths());
      }
    };
  }

  /**
   * Drops the jars built for an SPI version this hactl cannot run, each with a problem that names
   * both versions, before PF4J loads a class of them (a plugin built against other SPI types would
   * fail later, obscurely, in the middle of a command).
   */
  private List<Path> compatibleOnly(List<Path> jars) {
    List<Path> compatible = new ArrayList<>();
    for (Path jar : jars) {
      var declared = SpiVersionCheck.read(jar);
      var refusal = declared.flatMap(found -> SpiVersionCheck.refusal(jar, found));
      if (refusal.isPresent()) {
        refused.put(jar, refusal.get());
        continue;
      }
      declared.filter(found -> found.pluginId() != null)
          .ifPresent(found -> spiVersions.put(found.pluginId(), found.spiVersion().strip()));
      compatible.add(jar);
    }
    return compatible;
  }

  @Override
  protected PluginDescriptorFinder createPluginDescriptorFinder() {
    return new ManifestPluginDescriptorFinder();
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new JarPluginLoader(this) {
      @Override
      protected PluginClassLoader createPluginClassLoader(Path pluginPath,
          PluginDescriptor pluginDescriptor) {
        return new ApiSharingPluginClassLoader(pluginManager, pluginDescriptor,
            ProviderPluginManager.class.getClassLoader());
      }
    };
  }

  @Override
  protected PluginWrapper loadPluginFromPath(Path pluginPath) {
    try {
      PluginWrapper plugin = super.loadPluginFromPath(pluginPath);
      loaded.put(plugin.getPluginId(), plugin.getDescriptor());
      return plugin;
    } catch (RuntimeException | LinkageError e) {
      loadProblems.add(new PluginProblem(pluginPath.getFileName().toString(),
          "cannot load plugin jar " + pluginPath + ": " + Failures.describe(e)));
      // PF4J skips the jar on this exception type and goes on with the others.
      throw e instanceof PluginRuntimeException pluginFailure
          ? pluginFailure : new PluginRuntimeException(e, "cannot load {}", pluginPath);
    }
  }

  private static String describe(PluginDependency dependency) {
    String version = dependency.getPluginVersionSupport();
    return "plugin " + dependency.getPluginId()
        + ("*".equals(version) ? "" : " " + version);
  }

  private static List<Path> requireRoots(List<Path> pluginRoots) {
    if (pluginRoots.isEmpty()) {
      throw new IllegalArgumentException("no plugin roots given");
    }
    return pluginRoots;
  }
}
