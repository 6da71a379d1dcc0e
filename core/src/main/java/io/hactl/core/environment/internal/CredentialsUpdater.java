package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.credentials.CredentialKey;
import io.hactl.core.credentials.ProviderCredentials;
import io.hactl.core.environment.CredentialsUpdate;
import io.hactl.core.state.StateException;
import io.hactl.core.store.EnvironmentRecordFile;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code update-credentials}: resolves the provider's credentials again on this client (after a
 * key was rotated) and stores them sealed in state, where the master's provisioner picks them
 * up on its next provider call. Needs the environment's credential key, which the bootstrapping
 * client keeps (or a restore from a backup carrying it put back).
 */
final class CredentialsUpdater {

  private final EnvironmentContext env;
  private final StateConnection state;
  private final Clock clock;

  CredentialsUpdater(EnvironmentContext env, StateConnection state, Clock clock) {
    this.env = env;
    this.state = state;
    this.clock = clock;
  }

  CredentialsUpdate update() throws HactlException {
    String action = "cannot update the credentials of environment " + env.name();
    EnvironmentRecordFile record = env.requireBootstrapped();
    CredentialKey key = CredentialKeys.held(env).orElseThrow(() -> HactlException.badInput(
        action + ": this client does not hold its credential key (it was bootstrapped"
            + " elsewhere, or before hactl kept provider credentials); run it from the client"
            + " that bootstrapped the environment"));
    Map<String, String> resolved =
        env.provider().resolveCredentials(env.providerContext(record.uuid()));
    try {
      new ProviderCredentials(state.store(), key, record.uuid()).store(resolved);
    } catch (StateException e) {
      throw HactlException.failure(action + ": " + e.getMessage()
          + "; check that a majority of its controllers is up (hactl status) and retry", e);
    }
    return new CredentialsUpdate(env.name(), env.config().type(),
        List.copyOf(new TreeSet<>(resolved.keySet())), clock.instant());
  }
}
