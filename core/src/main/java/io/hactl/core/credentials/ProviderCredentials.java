package io.hactl.core.credentials;

import io.hactl.core.state.StateStore;
import java.util.Map;
import java.util.Objects;

/**
 * The provider credentials of one environment as kept in its state: sealed on the way in,
 * opened on the way out, with the environment's {@link CredentialKey}. State only ever sees the
 * sealed text.
 *
 * <pre>{@code
 * ProviderCredentials vault = new ProviderCredentials(state, key, uuid);
 * vault.store(provider.resolveCredentials(context));     // client: bootstrap, update-credentials
 * Map<String, String> resolved = vault.open();            // master: before provider calls
 * }</pre>
 */
public final class ProviderCredentials {

  private final StateStore state;
  private final CredentialKey key;
  private final String environmentUuid;

  public ProviderCredentials(StateStore state, CredentialKey key, String environmentUuid) {
    this.state = Objects.requireNonNull(state, "state");
    this.key = Objects.requireNonNull(key, "key");
    this.environmentUuid = Objects.requireNonNull(environmentUuid, "environmentUuid");
  }

  /** Seals {@code credentials} and stores them, replacing what was stored before. */
  public void store(Map<String, String> credentials) {
    state.setSealedCredentials(CredentialSeal.seal(credentials, key, environmentUuid));
  }

  /**
   * The stored credentials; empty when none were ever stored.
   *
   * @throws CredentialsException when the stored value does not open with this key
   */
  public Map<String, String> open() throws CredentialsException {
    var sealed = state.sealedCredentials();
    return sealed.isEmpty() ? Map.of() : CredentialSeal.open(sealed.get(), key, environmentUuid);
  }
}
