package io.hactl.plugins.testkit;

import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderSpi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * One plugin jar loaded and started through a real PF4J {@code PluginManager}, set up as hactl
 * sets it up, with its provider created from its {@code META-INF/extensions.idx}. Loading checks
 * what hactl checks: the jar is a PF4J plugin, it was built for a compatible {@linkplain
 * ProviderSpi provider SPI version}, it starts, and exactly one of its extensions is a {@link
 * Provider}. Any failure is an {@link IllegalStateException} saying what to fix.
 *
 * <pre>{@code
 * try (LoadedPlugin plugin = LoadedPlugin.load(Path.of("target/plugin/acme-provider-mycloud-1.0.jar"))) {
 *   Provider provider = plugin.provider();
 *   HostGuard host = plugin.guard(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class LoadedPlugin implements AutoCloseable {
  private final Path folder;
  private final KitPluginManager manager;
  private final PluginWrapper plugin;
  private final Provider provider;
  private final String spiVersion;

  private LoadedPlugin(Path folder, KitPluginManager manager, PluginWrapper plugin,
      Provider provider, String spiVersion) {
    this.folder = folder;
    this.manager = manager;
    this.plugin = plugin;
    this.provider = provider;
    this.spiVersion = spiVersion;
  }

  /**
   * Loads and starts the plugin jar (copied into a private folder, so that nothing else beside
   * it is loaded) and creates its provider.
   *
   * @throws IllegalStateException when hactl would refuse the jar, saying why
   */
  public static LoadedPlugin load(Path pluginJar) {
    String spiVersion = checkSpiVersion(pluginJar);
    Path folder;
    try {
      folder = Files.createTempDirectory("hactl-plugin-");
      Files.copy(pluginJar, folder.resolve(pluginJar.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy plugin jar " + pluginJar, e);
    }
    KitPluginManager manager = new KitPluginManager(folder);
    try {
      manager.loadPlugins();
      List<PluginWrapper> plugins = manager.getPlugins();
      if (plugins.size() != 1) {
        throw new IllegalStateException("PF4J did not load " + pluginJar + " as a plugin: check"
            + " its manifest (Plugin-Id, Plugin-Version) and the log above for PF4J's reason");
      }
      PluginWrapper plugin = plugins.get(0);
      manager.startPlugins();
      if (plugin.getFailedException() != null) {
        throw new IllegalStateException("plugin " + plugin.getPluginId() + " failed to start: "
            + HostGuard.describeUnexpected(plugin.getFailedException()),
            plugin.getFailedException());
      }
      Provider provider = createProvider(manager, plugin);
      return new LoadedPlugin(folder, manager, plugin, provider, spiVersion);
    } catch (RuntimeException | Error e) {
      unload(manager);
      deleteTree(folder);
      throw e;
    }
  }

  /** The plugin's id ({@code Plugin-Id}). */
  public String pluginId() {
    return plugin.getPluginId();
  }

  /** The plugin's version ({@code Plugin-Version}). */
  public String pluginVersion() {
    return plugin.getDescriptor().getVersion();
  }

  /** The SPI version the plugin was built for ({@code Hactl-Spi-Version}). */
  public String spiVersion() {
    return spiVersion;
  }

  /** The plugin's provider, created by PF4J's extension factory. */
  public Provider provider() {
    return provider;
  }

  /** The plugin's class loader. */
  public ClassLoader classLoader() {
    return plugin.getPluginClassLoader();
  }

  /** A guard that calls this plugin's provider as hactl does, bounded by {@code timeout}. */
  public HostGuard guard(java.time.Duration timeout) {
    return new HostGuard(pluginId(), provider, classLoader(), timeout);
  }

  /** Stops and unloads the plugin and deletes its private copy. */
  @Override
  public void close() {
    unload(manager);
    deleteTree(folder);
  }

  private static String checkSpiVersion(Path pluginJar) {
    String declared;
    try (JarFile jar = new JarFile(pluginJar.toFile())) {
      declared = jar.getManifest() == null ? null
          : jar.getManifest().getMainAttributes().getValue(ProviderSpi.MANIFEST_ATTRIBUTE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plugin jar " + pluginJar, e);
    }
    Optional<String> refusal = ProviderSpi.incompatibility(ProviderSpi.VERSION, declared);
    if (refusal.isPresent()) {
      throw new IllegalStateException("hactl would refuse plugin jar " + pluginJar.getFileName()
          + ": " + refusal.get());
    }
    return declared.strip();
  }

  private static Provider createProvider(KitPluginManager manager, PluginWrapper plugin) {
    String pluginId = plugin.getPluginId();
    ClassLoader loader = plugin.getPluginClassLoader();
    List<Provider> found = new ArrayList<>();
    for (String className : new TreeSet<>(manager.getExtensionClassNames(pluginId))) {
      Class<?> extension;
      try {
        extension = Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("plugin " + pluginId + ": extension class " + className
            + " listed in META-INF/extensions.idx cannot be loaded: "
            + HostGuard.describeUnexpected(e), e);
      }
      if (Provider.class.isAssignableFrom(extension)) {
        found.add(create(manager, extension, pluginId));
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException("plugin " + pluginId + " must contain exactly one "
          + Provider.class.getName() + " listed in META-INF/extensions.idx, found "
          + found.size() + "; annotate the provider with @org.pf4j.Extension and compile with"
          + " PF4J's annotation processor");
    }
    return found.get(0);
  }

  private static Provider create(KitPluginManager manager, Class<?> extension, String pluginId) {
    try {
      return (Provider) manager.getExtensionFactory().create(extension);
    } catch (PluginRuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InvocationTargetException target && target.getCause() != null) {
        cause = target.getCause();
      }
      throw new IllegalStateException("plugin " + pluginId + ": cannot create its provider "
          + extension.getName() + ": " + HostGuard.describeUnexpected(cause), cause);
    }
  }

  private static void unload(KitPluginManager manager) {
    // PF4J 3.15's stopPlugins()/unloadPlugins() change the list they iterate: one by one.
    for (PluginWrapper plugin : new ArrayList<>(manager.getPlugins())) {
      manager.unloadPlugin(plugin.getPluginId());
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
