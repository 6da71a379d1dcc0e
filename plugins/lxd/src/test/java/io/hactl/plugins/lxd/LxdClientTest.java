package io.hactl.plugins.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operation waits, timeouts and interruption, against {@link FakeLxdDaemon} (a fake). */
class LxdClientTest {
  @TempDir Path dir;

  private FakeLxdDaemon lxd;

  @BeforeEach
  void startFake() throws IOException {
    lxd = new FakeLxdDaemon(dir.resolve("lxd.socket"));
  }

  @AfterEach
  void stopFake() throws IOException {
    lxd.close();
  }

  @Test
  void waitsOnTheOperationAndReportsItsFailure() {
    LxdClient client = client(Duration.ofSeconds(5));
    lxd.addInstance("c1", "Stopped", Map.of());
    lxd.failOperation("DELETE", "/1.0/instances/c1", "Failed deleting instance: disk busy");

    assertThatThrownBy(() -> client.delete("c1"))
        .isInstanceOf(LxdException.class)
        .hasMessage("Failed deleting instance: disk busy");
    assertThat(lxd.requests()).anyMatch(r -> r.path().matches("/1\\.0/operations/op-\\d+/wait\\?timeout=\\d+"));
  }

  @Test
  void anOperationThatNeverEndsTimesOutSayingWhatWasAwaited() {
    LxdClient client = client(Duration.ofSeconds(1));
    lxd.addInstance("c1", "Stopped", Map.of());
    lxd.operationsNeverFinish();

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.delete("c1"))
        .isInstanceOf(LxdException.class)
        .hasMessageStartingWith("LXD did not finish DELETE /1.0/instances/c1 within 1 s")
        .hasMessageEndingWith("is Running)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anInterruptEndsAWaitPromptly() throws Exception {
    LxdClient client = client(Duration.ofSeconds(60));
    lxd.addInstance("c1", "Stopped", Map.of());
    lxd.operationsNeverFinish();
    AtomicReference<Thread> caller = new AtomicReference<>();
    CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
      caller.set(Thread.currentThread());
      try {
        client.delete("c1");
        return null;
      } catch (Exception e) {
        return e;
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lxd.requests().stream().noneMatch(r -> r.path().contains("/wait"))
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    caller.get().interrupt();

    Throwable thrown = outcome.get(5, TimeUnit.SECONDS);
    assertThat(thrown).isInstanceOfAny(InterruptedException.class,
        java.nio.channels.ClosedByInterruptException.class);
  }

  @Test
  void readsChunkedListsAndErrorEnvelopes() throws Exception {
    LxdClient client = client(Duration.ofSeconds(5));
    lxd.addInstance("c1", "Running", Map.of("user.hactl.environment", "e"));

    assertThat(client.instances()).extracting(i -> i.get("name")).containsExactly("c1");
    assertThatThrownBy(() -> client.state("c2"))
        .isInstanceOf(LxdException.class)
        .hasMessage("Instance not found")
        .matches(e -> ((LxdException) e).isNotFound());
  }

  private LxdClient client(Duration operationTimeout) {
    return new LxdClient(new UnixSocketTransport(lxd.socket()), operationTimeout);
  }
}
