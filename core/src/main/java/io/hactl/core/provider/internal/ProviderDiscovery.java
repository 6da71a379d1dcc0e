package io.hactl.core.provider.internal;

import io.hactl.core.HactlException;
import io.hactl.core.provider.PluginProblem;
import io.hactl.plugin.api.Provider;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Finds the {@link Provider} extensions of the started plugins, one type each. It loads every
 * class a plugin lists in its extension index itself, rather than through PF4J's finder, because
 * PF4J only logs a class it cannot load: here each such failure becomes a {@link PluginProblem}.
 * Creating an extension and asking its type run plugin code, so both are bounded like any call.
 */
public final class ProviderDiscovery {
  private ProviderDiscovery() {}

  /** A provider extension ready for use. */
  public record Found(String type, String pluginId, Provider provider, ClassLoader loader) {}

  /** The providers found, by type (sorted), and what went wrong with the others. */
  public record Result(Map<String, Found> providers, List<PluginProblem> problems) {}

  public static Result discover(ProviderPluginManager manager, BoundedCalls calls) {
    Map<String, Found> providers = new TreeMap<>();
    List<PluginProblem> problems = new ArrayList<>();
    List<PluginWrapper> started = manager.getStartedPlugins().stream()
        .sorted(Comparator.comparing(PluginWrapper::getPluginId))
        .toList();
    for (PluginWrapper plugin : started) {
      String pluginId = plugin.getPluginId();
      ClassLoader loader = plugin.getPluginClassLoader();
      int before = providers.size() + problems.size();
      for (String className : new TreeSet<>(manager.getExtensionClassNames(pluginId))) {
        Class<?> extension;
        try {
          extension = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          problems.add(new PluginProblem(pluginId, "extension class " + className
              + " listed in META-INF/extensions.idx cannot be loaded: "
              + Failures.describeUnexpected(e)));
          continue;
        }
        if (!Provider.class.isAssignableFrom(extension)) {
          continue;
        }
        String who = "plugin " + pluginId;
        try {
          Found found = calls.call(who, "create its provider " + className,
              loader, () -> create(manager, extension, pluginId, loader));
          Found other = providers.putIfAbsent(found.type(), found);
          if (other != null) {
            problems.add(new PluginProblem(pluginId, "provider type \"" + found.type()
                + "\" is already provided by plugin " + other.pluginId() + "; " + className
                + " is ignored"));
          }
        } catch (HactlException e) {
          // The problem names the plugin already.
          problems.add(new PluginProblem(pluginId, e.getMessage().substring(who.length() + 1)));
        }
      }
      if (providers.size() + problems.size() == before) {
        problems.add(new PluginProblem(pluginId, "contains no provider: no class in its"
            + " META-INF/extensions.idx implements " + Provider.class.getName()));
      }
    }
    return new Result(providers, problems);
  }

  private static Found create(ProviderPluginManager manager, Class<?> extension, String pluginId,
      ClassLoader loader) throws Exception {
    Provider provider;
    try {
      provider = (Provider) manager.getExtensionFactory().create(extension);
    } catch (PluginRuntimeException e) {
      // PF4J wraps the constructor's failure; the user needs the original.
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InvocationTargetException target
          && target.getCause() != null) {
        cause = target.getCause();
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw (Exception) cause;
    }
    String type = provider.type();
    if (type == null || type.isBlank()) {
      throw new IllegalStateException(extension.getName() + ".type() returned no type");
    }
    return new Found(type, pluginId, provider, loader);
  }
}
