package io.hactl.core.backup.internal;

import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateStores;
import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.ReplicaSetMember;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real one-member replica set in this JVM: the embedded member the agents run. */
final class TestReplicaSet implements AutoCloseable {

  private final ReplicaSetMember member;
  private final String name;

  private TestReplicaSet(ReplicaSetMember member, String name) {
    this.member = member;
    this.name = name;
  }

  static TestReplicaSet start(Path dir, String name) throws IOException {
    // Both ports chosen here: the default peer port (client + 10000) may not exist.
    MemberOptions options = new MemberOptions("127.0.0.1", freePort(), dir, name, null,
        freePort());
    ReplicaSetMember member = ReplicaSetMember.start(options);
    StateStores.initiate(member.address(), name, Duration.ofSeconds(20));
    return new TestReplicaSet(member, name);
  }

  StateEndpoint endpoint() {
    return new StateEndpoint(List.of(member.address()), name, Duration.ofSeconds(20));
  }

  String address() {
    return member.address();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    member.close();
  }
}
