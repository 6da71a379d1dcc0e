/**
 * Provider credentials kept in state: what a provider resolves on the client ({@link
 * io.hactl.plugin.api.Provider#resolveCredentials}), sealed with AES-256-GCM under the
 * environment's {@link io.hactl.core.credentials.CredentialKey}, which controllers hold in their
 * agent config and which is never written to state. The master's provisioner opens them and
 * hands them to its provider.
 *
 * <p>The cipher ({@link io.hactl.core.credentials.CredentialSeal}) binds every sealed value to
 * its environment's uuid, so a value copied from another environment's state does not open.
 */
package io.hactl.core.credentials;
