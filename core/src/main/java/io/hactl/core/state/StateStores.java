package io.hactl.core.state;

import io.hactl.core.state.internal.MemberAdmin;
import io.hactl.core.state.internal.MongoStateStore;
import java.time.Duration;

/** Opens {@link StateStore}s and runs the replica-set commands bootstrap needs. */
public final class StateStores {

  private StateStores() {}

  /** Connects to the replica set; connection happens lazily, so this does not block. */
  public static StateStore connect(StateEndpoint endpoint) {
    return MongoStateStore.connect(endpoint);
  }

  /** Whether the member at {@code address} answers {@code hello} within {@code timeout}. */
  public static boolean answersHello(String address, Duration timeout) {
    return MemberAdmin.answersHello(address, timeout);
  }

  /** Initiates a one-member replica set named {@code replicaSet} on the member at address. */
  public static void initiate(String address, String replicaSet, Duration timeout) {
    MemberAdmin.initiate(address, replicaSet, timeout);
  }
}
