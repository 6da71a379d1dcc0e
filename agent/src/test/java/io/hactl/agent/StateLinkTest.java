package io.hactl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hactl.core.state.StateEndpoint;
import io.hactl.core.testing.InMemoryLogStore;
import io.hactl.core.testing.InMemoryStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an agent finds the controllers again after they came back elsewhere (a restore). */
class StateLinkTest {

  @TempDir
  Path dir;

  Path cacheFile;
  Instant now = Instant.parse("2024-05-06T10:00:00Z");
  final List<StateEndpoint> opened = new ArrayList<>();
  final List<InMemoryStateStore> states = new ArrayList<>();
  final List<InMemoryLogStore> logs = new ArrayList<>();
  StateLink link;
  boolean failing;

  @BeforeEach
  void connect() throws Exception {
    cacheFile = dir.resolve("state-addresses");
    Files.writeString(cacheFile, "127.0.0.1:21001\n127.0.0.1:21002\n");
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return now;
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
    link = new StateLink(new ControllerAddressCache(cacheFile), List.of("127.0.0.1:21001"),
        "hactl-1", endpoint -> {
          opened.add(endpoint);
          InMemoryStateStore store = new InMemoryStateStore();
          states.add(store);
          return store;
        }, endpoint -> {
          InMemoryLogStore store = new InMemoryLogStore();
          logs.add(store);
          return store;
        }, clock);
  }

  @Test
  void keepsItsConnectionWhileHeartbeatsSucceedOrFailOnlyBriefly() {
    assertFalse(link.check(() -> failing));
    failing = true;
    assertFalse(link.check(() -> failing));
    now = now.plus(StateLink.LOST_AFTER.minusSeconds(1));
    assertFalse(link.check(() -> failing));
    assertEquals(1, opened.size());
  }

  @Test
  void reconnectsThroughTheAddressARestoreWroteIntoTheCache() throws Exception {
    failing = true;
    link.check(() -> failing);
    now = now.plus(StateLink.LOST_AFTER);
    assertFalse(link.check(() -> failing), "same seeds: the driver keeps trying by itself");

    Files.writeString(cacheFile, "127.0.0.1:22005\n");
    assertTrue(link.check(() -> failing));

    assertEquals(List.of("127.0.0.1:22005", "127.0.0.1:21001"), opened.get(1).addresses());
    assertEquals("hactl-1", opened.get(1).replicaSet());
    assertTrue(logs.get(0).closed, "the old connections are closed");
    link.state().heartbeat("3", now);
    assertEquals(now, states.get(1).heartbeats().get("3"), "callers reach the new store");
    assertTrue(states.get(0).heartbeats().isEmpty());
  }

  @Test
  void retriesWithFreshClientsWhenCutOffLongWithTheSameSeeds() {
    failing = true;
    link.check(() -> failing);
    now = now.plus(StateLink.RETRY_SAME_SEEDS);
    assertTrue(link.check(() -> failing));
    assertEquals(opened.get(0).addresses(), opened.get(1).addresses());
    now = now.plus(Duration.ofSeconds(1));
    assertFalse(link.check(() -> failing), "not again at once");
  }
}
