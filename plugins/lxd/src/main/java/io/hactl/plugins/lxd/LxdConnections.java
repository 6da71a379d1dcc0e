package io.hactl.plugins.lxd;

import java.io.IOException;
import java.time.Duration;

/** Opens the client an environment's settings describe: unix socket by default, else HTTPS. */
final class LxdConnections {
  /** How long one LXD operation (create, start, stop, delete) may take. */
  static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(120);

  private LxdConnections() {}

  static LxdClient open(LxdSettings settings) throws IOException {
    if (settings.endpoint().isEmpty()) {
      return new LxdClient(new UnixSocketTransport(settings.socket()), OPERATION_TIMEOUT);
    }
    return new LxdClient(new HttpsTransport(settings.endpoint().get(),
        TlsContexts.create(settings), OPERATION_TIMEOUT.plusSeconds(30)), OPERATION_TIMEOUT);
  }
}
