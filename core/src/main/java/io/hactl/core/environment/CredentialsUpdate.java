package io.hactl.core.environment;

import java.time.Instant;
import java.util.List;

/**
 * What {@code update-credentials} stored: the names of the provider's credentials (never their
 * values), sealed in the environment's state for the controllers.
 *
 * @param environment the environment's name
 * @param provider the provider's type
 * @param names the credential names the provider resolved, sorted; empty when it needs none
 * @param updated when they were stored
 */
public record CredentialsUpdate(String environment, String provider, List<String> names,
    Instant updated) {
  public CredentialsUpdate {
    names = List.copyOf(names);
  }
}
