package io.hactl.core.environment.internal;

import io.hactl.core.state.StateStores;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import io.hactl.core.membership.Quorum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Asks the known controllers, all at once, whether they answer, so that a client can tell
 * "every controller is down" within a second instead of waiting out the driver's server
 * selection (which must stay long enough to ride out an election).
 *
 * <p>Each address is first tried with a plain TCP connect: a dead process refuses at once, while
 * the driver would keep retrying it until its timeout. Only an address that accepts is asked
 * for {@code hello}, which also catches a frozen process whose kernel still accepts.
 */
final class ControllerProbe {

  /** Long enough for a loaded local machine to answer hello, short enough to feel prompt. */
  static final Duration TIMEOUT = Duration.ofMillis(1500);

  /**
   * The second look before concluding that a majority is down. On a loaded machine a live
   * controller, or this short-lived client's own first connections, can miss {@link #TIMEOUT};
   * a wrong "no quorum" would refuse enable-ha for nothing, or let a restore replace a healthy
   * environment without --force.
   */
  static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(6);

  private ControllerProbe() {}

  /**
   * The addresses that answer, for a decision that needs a majority: a quick probe, and when
   * that finds no majority, a patient one. A healthy environment pays the quick probe only.
   */
  static List<String> answeringForQuorum(List<String> addresses) {
    return answeringForQuorum(addresses, TIMEOUT, PATIENT_TIMEOUT);
  }

  static List<String> answeringForQuorum(List<String> addresses, Duration quick,
      Duration patient) {
    List<String> answered = answering(addresses, quick);
    if (new Quorum(addresses.size(), answered.size()).holds()) {
      return answered;
    }
    return answering(addresses, patient);
  }

  /**
   * Whether at least one of {@code addresses} ({@code host:port}) answers within timeout;
   * returns at the first answer, so a healthy environment pays one round trip.
   */
  static boolean anyAnswers(List<String> addresses, Duration timeout) {
    return !answering(addresses, timeout, true).isEmpty();
  }

  /** The addresses that answer within timeout, in the order given. */
  static List<String> answering(List<String> addresses, Duration timeout) {
    List<String> answered = answering(addresses, timeout, false);
    return addresses.stream().filter(answered::contains).toList();
  }

  private static List<String> answering(List<String> addresses, Duration timeout,
      boolean firstOnly) {
    List<String> answered = new ArrayList<>();
    if (addresses.isEmpty()) {
      return answered;
    }
    ExecutorService pool = Executors.newFixedThreadPool(addresses.size(), runnable -> {
      Thread thread = new Thread(runnable, "hactl-controller-probe");
      thread.setDaemon(true);
      return thread;
    });
    try {
      CompletionService<String> answers = new ExecutorCompletionService<>(pool);
      for (String address : addresses) {
        answers.submit(() -> answers(address, timeout) ? address : null);
      }
      // The probes time themselves out; the deadline only guards against a probe that hangs.
      long deadline = System.nanoTime() + timeout.multipliedBy(2).toNanos();
      for (int pending = addresses.size(); pending > 0; pending--) {
        Future<String> done = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (done == null) {
          break;
        }
        String address = answered(done);
        if (address != null) {
          answered.add(address);
          if (firstOnly) {
            break;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    return answered;
  }

  /** A probe that failed unexpectedly (a malformed address) counts as no answer. */
  private static String answered(Future<String> done) throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      return null;
    }
  }

  private static boolean answers(String address, Duration timeout) {
    return accepts(address, timeout) && StateStores.answersHello(address, timeout);
  }

  private static boolean accepts(String address, Duration timeout) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1))),
          (int) timeout.toMillis());
      return true;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }
}
