/**
 * Provider plugins as core uses them: {@link io.hactl.core.provider.ProviderRegistry} loads the
 * PF4J plugin jars of hactl's plugin folders and hands out each provider as a
 * {@link io.hactl.core.provider.GuardedProvider}, whose calls are bounded by a timeout and whose
 * failures are one-line {@link io.hactl.core.HactlException}s naming the plugin. A broken plugin
 * becomes a {@link io.hactl.core.provider.PluginProblem}, never a failure of hactl.
 */
package io.hactl.core.provider;
