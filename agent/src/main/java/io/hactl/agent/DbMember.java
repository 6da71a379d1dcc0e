package io.hactl.agent;

/**
 * A controller's replica-set member as its agent sees it: where the set knows it, and whether it
 * is the primary (and in which term), which makes this controller the master. Either hactl's
 * embedded member, run inside the agent, or a real mongod ({@link MongodMember}).
 */
interface DbMember extends MasterGate.Leadership, AutoCloseable {

  /** The {@code host:port} the set and its clients know this member by. */
  String address();

  @Override
  void close();
}
