package io.hactl.core.environment.internal;

import io.hactl.config.ControllerDb;
import io.hactl.config.EnvironmentConfig;
import io.hactl.core.HactlException;
import io.hactl.core.InstallLayout;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.core.credentials.CredentialKey;
import io.hactl.core.provider.GuardedProvider;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.store.ClientStore;
import io.hactl.core.store.EnvironmentRecordFile;
import io.hactl.plugin.api.ProviderContext;
import java.time.Duration;

/** What every operation on one environment needs: its config, provider, local record. */
record EnvironmentContext(
    EnvironmentConfig config, GuardedProvider provider, ClientStore store, InstallLayout layout) {

  /**
   * Long enough to ride out an election (a few seconds at most), short enough that a dead
   * environment is reported promptly.
   */
  static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(8);

  String name() {
    return config.name();
  }

  ProviderContext providerContext(String uuid) {
    return providerAccess().context(config.name(), uuid);
  }

  /**
   * The provider as this client reaches it; controllers get the same to provision as master,
   * with the environment's credential key when this client keeps one (from bootstrap on).
   */
  ProviderAccess providerAccess() {
    return new ProviderAccess(config.type(), config.providerSettings(), layout.pluginRoots(),
        store.environmentDirectory(config.name()).resolve("provider"), layout.agent(),
        config.statePort(), config.agentDelivery(), config.controllerDb(),
        store.credentialKey(config.name()).map(CredentialKey::decode).orElse(null));
  }

  /** The local record of a bootstrapped environment, or BAD_INPUT saying to bootstrap. */
  EnvironmentRecordFile requireBootstrapped() throws HactlException {
    return store.environmentRecord(config.name())
        .filter(EnvironmentRecordFile::bootstrapped)
        .orElseThrow(() -> HactlException.badInput("environment " + config.name()
            + " is not bootstrapped; run `hactl bootstrap -e " + config.name() + "` first"));
  }

  StateEndpoint endpoint(EnvironmentRecordFile record) {
    return new StateEndpoint(record.stateAddresses(), record.replicaSet(),
        SERVER_SELECTION_TIMEOUT, credentials());
  }

  /**
   * Whom the members are reached as: the administrator hactl created, when the controllers run
   * a real mongod (which refuses unauthenticated clients); null for the embedded member.
   */
  StateCredentials credentials() {
    return config.controllerDb() == ControllerDb.MONGOD
        ? StateCredentials.forSecret(store.secret(config.name()), true) : null;
  }
}
