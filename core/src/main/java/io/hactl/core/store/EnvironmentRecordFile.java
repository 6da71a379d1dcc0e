package io.hactl.core.store;

import java.util.List;

/**
 * What this client remembers of one environment it bootstrapped, in {@code environment.yaml}
 * of the environment's data folder. Controller addresses are refreshed from state on every
 * connect, so the cache only has to hold one live controller to find the rest.
 *
 * @param uuid the environment's unique id
 * @param provider the provider type it was bootstrapped with
 * @param replicaSet the replica set's name
 * @param stateAddresses every controller's member {@code host:port}, last known
 * @param bootstrapped false while bootstrap is under way (destroy still cleans up)
 */
public record EnvironmentRecordFile(
    String uuid,
    String provider,
    String replicaSet,
    List<String> stateAddresses,
    boolean bootstrapped) {

  public EnvironmentRecordFile {
    stateAddresses = List.copyOf(stateAddresses);
  }

  public EnvironmentRecordFile withStateAddresses(List<String> addresses) {
    return new EnvironmentRecordFile(uuid, provider, replicaSet, addresses, bootstrapped);
  }

  public EnvironmentRecordFile asBootstrapped() {
    return new EnvironmentRecordFile(uuid, provider, replicaSet, stateAddresses, true);
  }
}
