package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.credentials.CredentialKey;
import java.util.Optional;

/** The environment's credential key as this client keeps it (see {@link CredentialKey}). */
final class CredentialKeys {

  private CredentialKeys() {}

  /**
   * The key this client keeps for the environment; empty when it keeps none.
   *
   * @throws HactlException when the file is damaged
   */
  static Optional<CredentialKey> held(EnvironmentContext env) throws HactlException {
    try {
      return env.store().credentialKey(env.name()).map(CredentialKey::decode);
    } catch (IllegalArgumentException e) {
      throw HactlException.failure("the credential key this client keeps for environment "
          + env.name() + " is damaged (" + e.getMessage() + "); remove it only if no"
          + " controller of the environment runs, else copy it from another client", null);
    }
  }

  /**
   * The key this client keeps, or a new one it keeps from now on: a controller started from
   * this client (bootstrap, restore) gets it in its agent config.
   */
  static CredentialKey ensure(EnvironmentContext env) throws HactlException {
    Optional<CredentialKey> held = held(env);
    if (held.isPresent()) {
      return held.get();
    }
    CredentialKey key = CredentialKey.generate();
    env.store().saveCredentialKey(env.name(), key.encoded());
    return key;
  }
}
