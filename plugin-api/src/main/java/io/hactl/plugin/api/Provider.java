package io.hactl.plugin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.ExtensionPoint;

/**
 * Supplies machines (instances) to an environment. One implementation per cloud or substrate,
 * packaged as a PF4J plugin jar and found in hactl's plugins folder.
 *
 * <p>hactl calls every method from its own threads and bounds each call with a timeout, so an
 * implementation may block on I/O but should honour thread interruption. Implementations are
 * stateless between calls: everything they need arrives in the {@link ProviderContext}, and what
 * they must remember (for example which processes they started) they keep under
 * {@link ProviderContext#storageDirectory()} or in the cloud itself.
 *
 * <pre>{@code
 * @Extension
 * public final class MyCloudProvider implements Provider {
 *   public String type() { return "mycloud"; }
 *   public Instance startInstance(ProviderContext ctx, InstanceSpec spec) throws ProviderException {
 *     String id = api.launch(spec.userData());
 *     return new Instance(id, spec.machineId(), InstanceState.PENDING, List.of(), Map.of(), Map.of());
 *   }
 *   ...
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface Provider extends ExtensionPoint {

  /**
   * The provider's name as written in {@code type:} of environments.yaml, e.g. {@code local}.
   *
   * @since 0.1
   */
  String type();

  /**
   * The settings this provider accepts, in the order {@code hactl providers} shows them. The
   * default {@link #validateSettings} reports keys not listed here and required ones missing.
   *
   * <pre>{@code
   * public List<ProviderSetting> settings() {
   *   return List.of(new ProviderSetting("region", "AWS region, e.g. eu-west-1", true, false));
   * }
   * }</pre>
   *
   * @return the accepted settings; empty (the default) when the provider takes none
   * @since 0.2
   */
  default List<ProviderSetting> settings() {
    return List.of();
  }

  /**
   * Checks the provider-specific settings of an environment before anything is started. Keys the
   * provider does not know must be reported, so that typos never pass silently.
   *
   * <p>The default reports every key that {@link #settings()} does not list and every required
   * setting that is missing or blank. Override it to check values too (and usually call {@code
   * Provider.super.validateSettings(settings)} first).
   *
   * @param settings the environment's provider settings (common hactl keys removed)
   * @return every problem found; empty when the settings are valid
   * @since 0.1
   */
  default List<SettingProblem> validateSettings(Map<String, String> settings) {
    List<ProviderSetting> accepted = settings();
    Set<String> names = new TreeSet<>();
    accepted.forEach(setting -> names.add(setting.name()));
    String known = names.isEmpty() ? "it takes no settings"
        : "it accepts " + String.join(", ", names);
    List<SettingProblem> problems = new ArrayList<>();
    settings.keySet().stream()
        .filter(key -> !names.contains(key))
        .sorted()
        .forEach(key -> problems.add(
            new SettingProblem(key, "unknown setting for provider " + type() + "; " + known)));
    accepted.stream()
        .filter(ProviderSetting::required)
        .filter(setting -> settings.get(setting.name()) == null
            || settings.get(setting.name()).isBlank())
        .forEach(setting -> problems.add(new SettingProblem(setting.name(),
            "required by provider " + type() + ": " + setting.description())));
    return problems;
  }

  /**
   * Starts one instance that will run a machine agent for {@code spec.machineId()}.
   *
   * @return the instance as known right after the request; it may still be {@link
   *     InstanceState#PENDING}
   * @throws ProviderException when the instance could not be requested
   * @since 0.1
   */
  Instance startInstance(ProviderContext context, InstanceSpec spec) throws ProviderException;

  /**
   * Stops and releases the given instances. Ids that no longer exist are ignored, so that a retry
   * after a partial failure is safe.
   *
   * @since 0.1
   */
  void stopInstances(ProviderContext context, List<String> instanceIds) throws ProviderException;

  /**
   * Lists the instances this provider holds for the context's environment, with their current
   * state and addresses.
   *
   * @since 0.1
   */
  List<Instance> instances(ProviderContext context) throws ProviderException;

  /**
   * Releases what the provider created for the environment as a whole, such as a security group
   * or a network, once {@code destroy-environment} has stopped every instance and the provider
   * lists none. Called again if a destroy is retried, so it must succeed when there is nothing
   * left to release. The default releases nothing.
   *
   * @since 0.2
   */
  default void releaseEnvironment(ProviderContext context) throws ProviderException {}

  /**
   * Resolves, on the client, the credential material this provider needs on machines that lack
   * the client's environment variables, profiles and files: the controllers, which start and
   * stop instances as master. hactl calls it at {@code bootstrap} and {@code
   * update-credentials}, stores the answer in the environment's state encrypted under a key only
   * the controllers (and the bootstrapping client) hold, and hands it back decrypted in {@link
   * ProviderContext#credentials()} on the controllers. A provider given non-empty credentials
   * in its context uses them instead of looking anywhere itself.
   *
   * <p>Names are the provider's own (e.g. {@code access-key-id}); values are secrets: never log
   * them or put them in messages. A provider that needs nothing beyond its settings (or runs
   * only on the client's host, like {@code local}) keeps the default, which returns none.
   *
   * <pre>{@code
   * public Map<String, String> resolveCredentials(ProviderContext ctx) throws ProviderException {
   *   String key = System.getenv("MYCLOUD_KEY");
   *   if (key == null) {
   *     throw new ProviderException("no MYCLOUD_KEY in hactl's environment");
   *   }
   *   return Map.of("api-key", key);
   * }
   * }</pre>
   *
   * @param context the environment, as on any other call; its {@code credentials} are empty
   * @return named secret values; empty when the provider needs none
   * @throws ProviderException when the credentials the settings name cannot be found or read
   * @since 0.3
   */
  default Map<String, String> resolveCredentials(ProviderContext context)
      throws ProviderException {
    return Map.of();
  }
}
