package io.hactl.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a fresh cloud machine gets hactl's agent: the distribution (a tar.gz of the agent's jars and
 * its launcher) comes from {@code agent-url} when one is set, and otherwise from the controllers,
 * whose agents serve their own copy on {@code agent-port}. At bootstrap no controller exists yet,
 * so a cloud environment needs either {@code agent-url} or {@code bootstrap-agent-address}, where
 * the client serves the distribution while the first controller starts.
 *
 * @param url where machines download the distribution, or null to fetch it from the controllers
 * @param sha256 the expected SHA-256 of the file at {@code url} (lower-case hex); set exactly
 *     when {@code url} is
 * @param port the port on which controllers serve the distribution; 0 when they do not
 * @param bootstrapAddress {@code IP:PORT} on which the client serves the distribution during
 *     bootstrap, or null
 */
public record AgentDelivery(URI url, String sha256, int port, String bootstrapAddress) {

  /** {@code agent-port} of cloud environments when not set: next to Juju's API port 17070. */
  public static final int DEFAULT_PORT = 17071;

  /** No delivery: the local provider's agents run from this host's installation. */
  public static final AgentDelivery NONE = new AgentDelivery(null, null, 0, null);

  public AgentDelivery {
    if ((url == null) != (sha256 == null)) {
      throw new IllegalArgumentException("agent-url and agent-sha256 go together");
    }
    if (sha256 != null) {
      sha256 = sha256.toLowerCase(Locale.ROOT);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("agent-port out of range: " + port);
    }
  }

  /** The configured download URL, when there is one. */
  public Optional<URI> urlIfSet() {
    return Optional.ofNullable(url);
  }

  /** The bootstrap address, when there is one. */
  public Optional<String> bootstrapAddressIfSet() {
    return Optional.ofNullable(bootstrapAddress);
  }

  /**
   * The URL without query and user info: a pre-signed download URL carries its signature in the
   * query, which must not reach logs.
   */
  public static String printable(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port
        + (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?<hidden>");
  }

  @Override
  public String toString() {
    return "AgentDelivery[url=" + (url == null ? "none" : printable(url)) + ", sha256=" + sha256
        + ", port=" + port + ", bootstrapAddress=" + bootstrapAddress + "]";
  }
}
