package io.hactl.core.status;

/**
 * A controller's replica-set member.
 *
 * @param address the member's {@code host:port}
 * @param state the member's state as the replica set reports it: {@code PRIMARY}, {@code
 *     SECONDARY}, {@code STARTUP2}, {@code DOWN}, ... or {@code UNKNOWN} when it cannot be read
 * @param wantsVote whether hactl wants this member to vote
 * @param hasVote whether the member votes in the replica set's current configuration
 * @param primary whether this member is the primary (its machine is the master)
 * @param lag how many log entries it is behind the primary; -1 when unknown
 */
public record MemberStatus(
    String address, String state, boolean wantsVote, boolean hasVote, boolean primary,
    long lag) {

  /** A member whose replication lag is unknown. */
  public MemberStatus(String address, String state, boolean wantsVote, boolean hasVote,
      boolean primary) {
    this(address, state, wantsVote, hasVote, primary, -1);
  }

  /** Juju's {@code controller-member-status}: has-vote, adding-vote, removing-vote or no-vote. */
  public String voteStatus() {
    if (hasVote) {
      return wantsVote ? "has-vote" : "removing-vote";
    }
    return wantsVote ? "adding-vote" : "no-vote";
  }
}
