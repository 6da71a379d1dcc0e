/**
 * The hactl provider test kit: {@link io.hactl.plugins.testkit.ProviderContract}, the JUnit 5
 * suite every provider runs with a one-method subclass returning a {@link
 * io.hactl.plugins.testkit.ContractTarget}; {@link io.hactl.plugins.testkit.PluginJar} and {@link
 * io.hactl.plugins.testkit.LoadedPlugin}, which build a real plugin jar and load it through PF4J
 * as hactl does; {@link io.hactl.plugins.testkit.HostGuard}, which calls a provider as hactl does
 * (worker thread, timeout, errors naming the plugin); and {@link
 * io.hactl.plugins.testkit.SilentEndpoint}, a backend that never answers.
 *
 * <p>A plugin depends on {@code hactl-plugin-api} (provided) and {@code hactl-provider-testkit}
 * (test) only; the kit does not depend on hactl's core.
 */
package io.hactl.plugins.testkit;
