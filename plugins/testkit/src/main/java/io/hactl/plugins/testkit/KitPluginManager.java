package io.hactl.plugins.testkit;

import java.nio.file.Path;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginRepository;
import org.pf4j.RuntimeMode;

/**
 * PF4J set up as hactl sets it up: jar plugins in one folder, read by their manifest, always in
 * deployment mode, and the provider SPI always taken from the host (so that a plugin that bundles
 * a copy of it still implements the host's {@code Provider}).
 */
final class KitPluginManager extends DefaultPluginManager {
  private static final String API_PACKAGE_PREFIX = "io.hactl.plugin.api.";

  KitPluginManager(Path pluginsFolder) {
    super(pluginsFolder);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    // Development mode would look for plugins in source folders.
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected PluginRepository createPluginRepository() {
    return new JarPluginRepository(getPluginsRoots());
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
          PluginDescriptor descriptor) {
        return new ApiSharingClassLoader(pluginManager, descriptor,
            KitPluginManager.class.getClassLoader());
      }
    };
  }

  /** Takes {@code io.hactl.plugin.api} classes from the host, like PF4J's own classes. */
  private static final class ApiSharingClassLoader extends PluginClassLoader {
    ApiSharingClassLoader(PluginManager manager, PluginDescriptor descriptor,
        ClassLoader parent) {
      super(manager, descriptor, parent);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
      return className.startsWith(API_PACKAGE_PREFIX) || super.shouldDelegateToParent(className);
    }
  }
}
