package io.hactl.core.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerProbeTest {

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

  /** A loopback port nothing listens on: bound, then closed again. */
  private static String closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
