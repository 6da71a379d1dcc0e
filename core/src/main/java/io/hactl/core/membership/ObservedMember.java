package io.hactl.core.membership;

import java.util.Objects;

/**
 * One member of the replica set as observed (configuration joined with {@code replSetGetStatus}).
 *
 * @param address its {@code host:port}, the key that ties it to a controller
 * @param voting whether it has a vote in the current configuration
 * @param state its state as the primary reports it
 * @param healthy whether the primary hears it
 * @param caughtUp whether its replication lag is small enough to vote (the caller's threshold)
 */
public record ObservedMember(
    String address, boolean voting, MemberState state, boolean healthy, boolean caughtUp) {

  public ObservedMember {
    Objects.requireNonNull(address, "address");
    state = state == null ? MemberState.UNKNOWN : state;
  }

  /** Whether it may be given a vote: healthy, PRIMARY or SECONDARY, and caught up. */
  public boolean readyToVote() {
    return healthy && state.isServing() && caughtUp;
  }
}
