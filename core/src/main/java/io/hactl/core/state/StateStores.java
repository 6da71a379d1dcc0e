package io.hactl.core.state;

import io.hactl.core.state.internal.HelloLeadership;
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
    return MongoStateStore.connectToMember(address, timeout, null);
  }

  /** As {@link #connectToMember(String, Duration)}, authenticating where a mongod needs it. */
  public static StateStore connectToMember(String address, Duration timeout,
      StateCredentials credentials) {
    return MongoStateStore.connectToMember(address, timeout, credentials);
  }

  /** Asks the member at {@code address} about its own role; see {@link MemberLeadership}. */
  public static MemberLeadership leadershipOf(String address, Duration timeout) {
    return HelloLeadership.open(address, timeout);
  }

  /** Whether the member at {@code address} answers {@code hello} within {@code timeout}. */
  public static boolean answersHello(String address, Duration timeout) {
    return MemberAdmin.answersHello(address, timeout);
  }

  /** Initiates a one-member replica set named {@code replicaSet} on the member at address. */
  public static void initiate(String address, String replicaSet, Duration timeout) {
    MemberAdmin.initiate(address, replicaSet, timeout);
  }

  /**
   * Initiates a one-member set over {@code connectTo}, naming the member {@code knownAs}: a
   * mongod started with {@code --keyFile} accepts {@code replSetInitiate} from an
   * unauthenticated client only over its loopback interface (the localhost exception), while
   * the set must know the member by the address its peers reach.
   */
  public static void initiate(String connectTo, String knownAs, String replicaSet,
      Duration timeout) {
    MemberAdmin.initiate(connectTo, knownAs, replicaSet, timeout);
  }

  /**
   * Whether the member at {@code address} is a writable primary to a client that authenticates
   * with {@code credentials} where the member needs them.
   */
  public static boolean readyAsAdministrator(String address, StateCredentials credentials,
      Duration timeout) {
    return MemberAdmin.readyAsAdministrator(address, credentials, timeout);
  }

  /** Whether the member at {@code address} was initiated (its {@code hello} names a set). */
  public static boolean initiated(String address, Duration timeout) {
    return MemberAdmin.initiated(address, timeout);
  }

  /**
   * Creates the administrator {@code credentials} names on the primary at {@code address},
   * through mongod's localhost exception, so {@code address} must be a loopback address.
   * Idempotent: a user that exists already (or a closed exception: some user exists) is done.
   *
   * @return false when the server has no user management (hactl's embedded member, which
   *     stands in for mongod in tests): nothing was created and none is needed
   */
  public static boolean createAdministrator(String address, StateCredentials credentials,
      Duration timeout) {
    return MemberAdmin.createAdministrator(address, credentials, timeout);
  }
}
