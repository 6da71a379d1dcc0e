package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Network safety for tests and sandboxes: with the system property {@value #LOOPBACK_ONLY} set to
 * {@code true} (this module's tests set it), the plugin refuses to build an EC2 client whose
 * endpoint is not a loopback address, or that has no endpoint override at all (which would mean
 * real AWS). Without the property every configured endpoint is used as given.
 */
final class EndpointPolicy {
  static final String LOOPBACK_ONLY = "hactl.aws.loopback-only";

  /** Literal loopback addresses only: a name could resolve anywhere. */
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]");

  private final boolean loopbackOnly;

  EndpointPolicy(boolean loopbackOnly) {
    this.loopbackOnly = loopbackOnly;
  }

  /** The policy the system property asks for. */
  static EndpointPolicy fromSystemProperties() {
    return new EndpointPolicy(Boolean.getBoolean(LOOPBACK_ONLY));
  }

  void check(Optional<URI> endpoint) throws ProviderException {
    if (!loopbackOnly) {
      return;
    }
    if (endpoint.isEmpty()) {
      throw new ProviderException("refusing to call real AWS: " + LOOPBACK_ONLY
          + " is set, so an endpoint: http://127.0.0.1:PORT setting is required");
    }
    String host = endpoint.get().getHost();
    if (host == null || !LOOPBACK_HOSTS.contains(host)) {
      throw new ProviderException("refusing EC2 endpoint " + endpoint.get() + ": "
          + LOOPBACK_ONLY + " is set, so only loopback endpoints (127.0.0.1) may be used");
    }
  }
}
