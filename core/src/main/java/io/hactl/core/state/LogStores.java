package io.hactl.core.state;

import io.hactl.core.logs.LogStore;
import io.hactl.core.state.internal.MongoLogStore;
import java.time.Duration;

/** Opens {@link LogStore}s on an environment's replica set. */
public final class LogStores {

  private LogStores() {}

  /**
   * A store that writes through the primary, wherever it moves: what agents send their records
   * to and the master prunes with. Connection happens lazily, so this does not block.
   */
  public static LogStore connect(StateEndpoint endpoint) {
    return MongoLogStore.connect(endpoint);
  }

  /**
   * A store that reads from the one member at {@code address} (primary or secondary): what
   * {@code debug-log} follows. Operations fail after {@code timeout} when the member is down.
   */
  public static LogStore connectMember(String address, Duration timeout) {
    return MongoLogStore.connectMember(address, timeout, null);
  }

  /** As {@link #connectMember(String, Duration)}, authenticating where a mongod needs it. */
  public static LogStore connectMember(String address, Duration timeout,
      StateCredentials credentials) {
    return MongoLogStore.connectMember(address, timeout, credentials);
  }
}
