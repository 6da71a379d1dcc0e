package io.hactl.core.state;

/**
 * What one replica-set member says about its own role, asked over {@code hello} (which needs no
 * login, even from a mongod with access control): how a controller whose member is a separate
 * process, a real mongod, learns whether it is the master. Open with {@link
 * StateStores#leadershipOf}; one connection serves every question until {@link #close()}.
 */
public interface MemberLeadership extends AutoCloseable {

  /** Whether the member is the writable primary now; false when it does not answer. */
  boolean isPrimary();

  /**
   * The term the member was elected primary in, from its {@code electionId} (mongod's protocol
   * version 1 puts the term in its last 8 bytes); -1 when it is not primary or does not answer.
   */
  long term();

  @Override
  void close();
}
