package io.hactl.agent;

import io.hactl.replicaset.MemberState;
import io.hactl.replicaset.ReplicaSetMember;

/** The embedded member, run inside the agent's JVM: it answers about itself without a call. */
final class EmbeddedDbMember implements DbMember {

  private final ReplicaSetMember member;

  EmbeddedDbMember(ReplicaSetMember member) {
    this.member = member;
  }

  @Override
  public String address() {
    return member.address();
  }

  @Override
  public boolean isPrimary() {
    return member.state() == MemberState.PRIMARY;
  }

  @Override
  public long term() {
    return member.term();
  }

  @Override
  public void close() {
    member.close();
  }
}
