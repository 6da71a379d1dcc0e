package io.hactl.core.delivery;

import io.hactl.config.AgentDelivery;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides where a new machine downloads the agent. Pure: no I/O.
 *
 * <p>Rules: {@code agent-url} comes first when set, with {@code agent-sha256}; then every
 * controller serving on {@code agent-port}, but only when the copy they serve has the same
 * checksum (a machine verifies one checksum, so sources with another file would only be
 * refused). Without {@code agent-url} the checksum is that of the controllers' copy.
 */
public final class AgentSources {

  private AgentSources() {}

  /**
   * The source for a machine the master provisions.
   *
   * @param delivery the environment's delivery settings
   * @param servedSha256 the checksum of the distribution the controllers serve (the master's own
   *     copy), or null when this controller has none (e.g. it runs from a local installation)
   * @param controllerAddresses the controllers' members, {@code host:port}
   * @return empty when no source exists
   */
  public static Optional<AgentSource> forProvisioning(AgentDelivery delivery, String servedSha256,
      List<String> controllerAddresses) {
    List<URI> urls = new ArrayList<>();
    String sha = delivery.sha256() != null ? delivery.sha256() : servedSha256;
    delivery.urlIfSet().ifPresent(urls::add);
    if (delivery.port() > 0 && servedSha256 != null && servedSha256.equals(sha)) {
      Set<String> hosts = new LinkedHashSet<>();
      controllerAddresses.forEach(address -> hosts.add(host(address)));
      hosts.forEach(host -> urls.add(AgentSource.controllerUrl(host, delivery.port())));
    }
    return urls.isEmpty() || sha == null ? Optional.empty() : Optional.of(new AgentSource(urls, sha));
  }

  /**
   * The source for the first controller: {@code agent-url}, else the client itself serving
   * {@code local} on {@code bootstrap-agent-address}.
   *
   * @param localSha256 the checksum of this host's distribution, or null when there is none
   */
  public static Optional<AgentSource> forBootstrap(AgentDelivery delivery, String localSha256) {
    if (delivery.url() != null) {
      return Optional.of(new AgentSource(List.of(delivery.url()), delivery.sha256()));
    }
    if (delivery.bootstrapAddress() != null && localSha256 != null) {
      return Optional.of(new AgentSource(List.of(URI.create("http://"
          + delivery.bootstrapAddress() + "/" + MachinePaths.DOWNLOAD_NAME)), localSha256));
    }
    return Optional.empty();
  }

  /** The host of {@code host:port}, without IPv6 brackets. */
  static String host(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
        : host;
  }
}
