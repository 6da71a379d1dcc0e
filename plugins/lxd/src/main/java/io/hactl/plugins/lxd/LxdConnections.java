package io.hactl.plugins.lxd;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Opens the client an environment's settings describe: unix socket by default, else HTTPS. */
final class LxdConnections {
  /** How long one LXD operation (create, start, stop, delete) may take. */
  static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(120);

  private LxdConnections() {}

  static LxdClient open(LxdSettings settings) throws IOException {
    return open(settings, Map.of());
  }

  /**
   * @param given the certificate material hactl handed a controller ({@link TlsContexts}), used
   *     instead of the settings' files when it holds any
   */
  static LxdClient open(LxdSettings settings, Map<String, String> given) throws IOException {
    if (settings.endpoint().isEmpty()) {
      return new LxdClient(new UnixSocketTransport(settings.socket()), OPERATION_TIMEOUT);
    }
    return new LxdClient(new HttpsTransport(settings.endpoint().get(),
        TlsContexts.create(settings, given), OPERATION_TIMEOUT.plusSeconds(30)),
        OPERATION_TIMEOUT);
  }
}
