package io.hactl.core.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.ReplicaSetMember;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerProbeTest {

  @TempDir Path dir;

  @Test
  void noAddressesMeansNoControllerAnswers() {
    assertThat(ControllerProbe.anyAnswers(List.of(), Duration.ofSeconds(1))).isFalse();
  }

  @Test
  void deadControllersAreReportedAtOnceNotAfterTheTimeout() throws Exception {
    List<String> dead = List.of(closedPort(), closedPort(), closedPort());

    long started = System.nanoTime();
    boolean answers = ControllerProbe.anyAnswers(dead, Duration.ofSeconds(5));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(answers).isFalse();
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aControllerThatAcceptsButNeverAnswersHelloIsNotUp() throws Exception {
    try (ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<String> addresses = List.of("127.0.0.1:" + frozen.getLocalPort(), closedPort());

      long started = System.nanoTime();
      boolean answers = ControllerProbe.anyAnswers(addresses, Duration.ofMillis(400));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(answers).isFalse();
      assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void aMalformedAddressCountsAsNoAnswer() {
    assertThat(ControllerProbe.anyAnswers(List.of("no-port-here"), Duration.ofMillis(300)))
        .isFalse();
  }

  @Test
  void answeringListsNoneOfDeadOrFrozenControllers() throws Exception {
    try (ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<String> addresses = List.of(closedPort(), "127.0.0.1:" + frozen.getLocalPort());

      assertThat(ControllerProbe.answering(addresses, Duration.ofMillis(300))).isEmpty();
    }
  }

  @Test
  void looksAgainPatientlyBeforeConcludingThatAMajorityIsDown() throws Exception {
    try (ReplicaSetMember live = member();
        ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket frozenToo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String up = live.address();
      List<String> addresses = List.of(up, "127.0.0.1:" + frozen.getLocalPort(),
          "127.0.0.1:" + frozenToo.getLocalPort());

      long started = System.nanoTime();
      // The frozen ones make the patient probe last its whole timeout, which is generous
      // enough for the live member on a loaded machine.
      List<String> answering = ControllerProbe.answeringForQuorum(addresses,
          Duration.ofMillis(200), Duration.ofSeconds(5));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(answering).containsExactly(up);
      assertThat(took).as("a second, longer probe").isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }
  }

  @Test
  void aMajorityAnsweringAtOnceNeedsNoSecondLook() throws Exception {
    try (ReplicaSetMember live = member()) {
      String up = live.address();
      long started = System.nanoTime();
      List<String> answering = ControllerProbe.answeringForQuorum(List.of(up, closedPort(), up),
          Duration.ofSeconds(3), Duration.ofSeconds(30));
      assertThat(answering).hasSize(2);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  /** A real member (not initiated): it answers hello as a controller does. */
  private ReplicaSetMember member() throws Exception {
    return ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir, "rs"));
  }

  /** A loopback port nothing listens on: bound, then closed again. */
  private static String closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
