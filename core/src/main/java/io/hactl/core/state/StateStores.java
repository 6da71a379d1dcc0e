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

  /**
   * Connects to the one member at {@code address} only: its writes succeed only while that
   * member is the primary. For a master's own workers, which must stop writing once deposed.
   */
  public static StateStore connectToMember(String address, Duration timeout) {
    return MongoStateStore.connectToMember(address, timeout);
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
