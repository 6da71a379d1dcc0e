package io.hactl.core.provider.internal;

import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader that always takes the provider SPI from hactl, even when a plugin jar
 * carries its own copy of it by mistake. Otherwise such a plugin's {@code Provider} would be a
 * different class from hactl's and its extensions would silently not be found. PF4J already
 * delegates its own {@code org.pf4j} classes the same way.
 */
final class ApiSharingPluginClassLoader extends PluginClassLoader {
  private static final String API_PACKAGE_PREFIX = "io.hactl.plugin.api.";

  ApiSharingPluginClassLoader(PluginManager manager, PluginDescriptor descriptor,
      ClassLoader parent) {
    super(manager, descriptor, parent);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    return className.startsWith(API_PACKAGE_PREFIX) || super.shouldDelegateToParent(className);
  }
}
