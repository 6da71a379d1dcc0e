package io.hactl.core.credentials;

import io.hactl.core.HactlException;
import io.hactl.core.state.StateStore;
import io.hactl.plugin.api.ProviderContext;
import java.util.Map;
import java.util.Optional;

/**
 * The provider context a controller's provisioner passes on each call: the environment's
 * context carrying the credentials the client stored in state, opened with this controller's
 * credential key. State is read on each call so that {@code hactl update-credentials} reaches a
 * running master without a restart; a value already opened is not opened again. Only one thread
 * (the master's worker thread) uses an instance.
 */
public final class ControllerContexts {

  private final ProviderContext base;
  private final StateStore state;
  private final CredentialKey key;
  private String openedFrom;
  private ProviderContext opened;

  /**
   * @param base the context without credentials
   * @param state the controller's connection to state
   * @param key this controller's credential key; null when its agent config has none (an
   *     environment bootstrapped before credentials were kept), which gives {@code base} as is
   */
  public ControllerContexts(ProviderContext base, StateStore state, CredentialKey key) {
    this.base = base;
    this.state = state;
    this.key = key;
  }

  /**
   * The context to call the provider with now.
   *
   * @throws HactlException when the stored credentials cannot be opened (the message says why
   *     and to run {@code hactl update-credentials}), or state cannot be read
   */
  public ProviderContext current() throws HactlException {
    if (key == null) {
      return base;
    }
    Optional<String> sealed = state.sealedCredentials();
    if (sealed.isEmpty()) {
      return base;
    }
    if (!sealed.get().equals(openedFrom)) {
      Map<String, String> credentials;
      try {
        credentials = CredentialSeal.open(sealed.get(), key, base.environmentUuid());
      } catch (CredentialsException e) {
        throw HactlException.failure("cannot call provider as master of environment "
            + base.environmentName() + ": " + e.getMessage(), e);
      }
      opened = base.withCredentials(credentials);
      openedFrom = sealed.get();
    }
    return opened;
  }
}
