package io.hactl.core.state;

import java.time.Duration;
import java.util.List;

/**
 * How to reach an environment's replica set.
 *
 * @param addresses seed {@code host:port} addresses: every controller known; the driver
 *     discovers the rest and the primary by itself
 * @param replicaSet the replica set's name
 * @param serverSelectionTimeout how long an operation waits for a suitable member; it must
 *     exceed an election so that writes survive a failover
 * @param credentials whom to authenticate as when the members are real mongods
 *     ({@code controller-db: mongod}); null for the embedded member
 */
public record StateEndpoint(List<String> addresses, String replicaSet,
    Duration serverSelectionTimeout, StateCredentials credentials) {

  public StateEndpoint {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("no state addresses");
    }
    addresses = List.copyOf(addresses);
  }

  /** An endpoint without credentials (the embedded member). */
  public StateEndpoint(List<String> addresses, String replicaSet,
      Duration serverSelectionTimeout) {
    this(addresses, replicaSet, serverSelectionTimeout, null);
  }
}
