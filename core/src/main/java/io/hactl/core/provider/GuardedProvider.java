package io.hactl.core.provider;

import io.hactl.core.HactlException;
import io.hactl.core.provider.internal.BoundedCalls;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.util.List;
import java.util.Map;

/**
 * One provider from a plugin, as the rest of hactl uses it: every call runs on a worker thread
 * and is bounded by the registry's call timeout, and every failure of the plugin (a
 * {@code ProviderException}, any other exception or error, a null answer, no answer in time)
 * comes back as a {@link HactlException} of kind FAILURE naming the provider and its plugin:
 *
 * <pre>
 * provider local (plugin hactl-provider-local) could not start instance for machine 3: quota exceeded
 * provider local (plugin hactl-provider-local) did not answer within 30s when asked to list
 *     instances; the plugin may be hung
 * </pre>
 *
 * <p>Obtain one from {@link ProviderRegistry#provider(String)}. Thread-safe.
 */
public final class GuardedProvider {
  private final String type;
  private final String pluginId;
  private final String pluginVersion;
  private final String spiVersion;
  private final Provider provider;
  private final ClassLoader pluginLoader;
  private final BoundedCalls calls;
  private final String label;

  GuardedProvider(String type, String pluginId, String pluginVersion, String spiVersion,
      Provider provider, ClassLoader pluginLoader, BoundedCalls calls) {
    this.type = type;
    this.pluginId = pluginId;
    this.pluginVersion = pluginVersion;
    this.spiVersion = spiVersion;
    this.provider = provider;
    this.pluginLoader = pluginLoader;
    this.calls = calls;
    this.label = "provider " + type + " (plugin " + pluginId + ")";
  }

  /** The provider's type, e.g. {@code local}. */
  public String type() {
    return type;
  }

  /** The id of the plugin that supplies it, e.g. {@code hactl-provider-local}. */
  public String pluginId() {
    return pluginId;
  }

  /** The plugin's version, from its {@code Plugin-Version} manifest entry. */
  public String pluginVersion() {
    return pluginVersion;
  }

  /** The provider SPI version the plugin was built for ({@code Hactl-Spi-Version}). */
  public String spiVersion() {
    return spiVersion;
  }

  /** See {@link Provider#settings()}. */
  public List<ProviderSetting> settings() throws HactlException {
    return calls.call(label, "describe its settings", pluginLoader,
        () -> immutable(provider.settings()));
  }

  /** What {@code hactl providers} shows of this provider; asks the plugin for its settings. */
  public ProviderDescription describe() throws HactlException {
    return new ProviderDescription(type, pluginId, pluginVersion, spiVersion, settings());
  }

  /** See {@link Provider#validateSettings}. */
  public List<SettingProblem> validateSettings(Map<String, String> settings)
      throws HactlException {
    Map<String, String> copy = Map.copyOf(settings);
    return calls.call(label, "validate settings", pluginLoader,
        () -> immutable(provider.validateSettings(copy)));
  }

  /** See {@link Provider#startInstance}. */
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws HactlException {
    return calls.call(label, "start instance for machine " + spec.machineId(), pluginLoader,
        () -> provider.startInstance(context, spec));
  }

  /** See {@link Provider#stopInstances}. */
  public void stopInstances(ProviderContext context, List<String> instanceIds)
      throws HactlException {
    List<String> ids = List.copyOf(instanceIds);
    calls.call(label, "stop instances " + String.join(", ", ids), pluginLoader, () -> {
      provider.stopInstances(context, ids);
      return Boolean.TRUE;
    });
  }

  /** See {@link Provider#instances}. */
  public List<Instance> instances(ProviderContext context) throws HactlException {
    return calls.call(label, "list instances", pluginLoader,
        () -> immutable(provider.instances(context)));
  }

  /**
   * See {@link Provider#resolveCredentials}. The answer holds secrets: callers seal it at once
   * and never print it.
   */
  public Map<String, String> resolveCredentials(ProviderContext context) throws HactlException {
    Map<String, String> resolved = calls.call(label, "resolve its credentials", pluginLoader,
        () -> provider.resolveCredentials(context));
    return resolved == null ? Map.of() : Map.copyOf(resolved);
  }

  /** See {@link Provider#releaseEnvironment}. */
  public void releaseEnvironment(ProviderContext context) throws HactlException {
    calls.call(label, "release the environment's resources", pluginLoader, () -> {
      provider.releaseEnvironment(context);
      return Boolean.TRUE;
    });
  }

  /** A copy the plugin cannot change later; null stays null, to be reported as such. */
  private static <T> List<T> immutable(List<T> answer) {
    return answer == null ? null : List.copyOf(answer);
  }

  @Override
  public String toString() {
    return label;
  }
}
