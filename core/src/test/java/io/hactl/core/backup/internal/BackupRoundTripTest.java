package io.hactl.core.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hactl.core.backup.BackupFormat;
import io.hactl.core.backup.BackupIdentity;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupStore;
import io.hactl.core.backup.StateDump;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogStore;
import io.hactl.core.state.BackupStores;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Event;
import io.hactl.core.state.LogStores;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of a populated environment through real one-member replica sets: the archive holds
 * every collection and index exactly, and a load into a fresh set brings back the same state
 * with only the controllers replaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRoundTripTest {

  static final String UUID_ = UUID.randomUUID().toString();
  static final BackupIdentity IDENTITY =
      new BackupIdentity(UUID_, "prod", "local", "hactl-test", "c2VjcmV0LWtleS1vZi10aGUtc2V0");

  @TempDir
  static Path dir;

  TestReplicaSet source;
  TestReplicaSet target;
  StateStore state;

  @BeforeAll
  void populate() throws Exception {
    source = TestReplicaSet.start(dir.resolve("source"), "hactl-test");
    target = TestReplicaSet.start(dir.resolve("target"), "hactl-test");
    state = StateStores.connect(source.endpoint());
    Instant t0 = Instant.parse("2024-05-06T15:47:09.250Z");
    state.initialize(new EnvironmentRecord(UUID_, "prod", "local", "hactl-test"),
        new Machine("0", List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
            Machine.ALIVE, "prod-machine-0", List.of("127.0.0.1"), Map.of("state", 21000),
            true, true, Map.of(), null, t0));
    for (int i = 1; i <= 4; i++) {
      Machine m = state.addMachine(List.of(Machine.JOB_HOST_UNITS), false,
          Map.of("mem", i + "G"), t0.plusSeconds(i));
      state.setInstance(m.id(), "prod-machine-" + m.id(), List.of("127.0.0.1"), Map.of());
      state.heartbeat(m.id(), t0.plusSeconds(10 + i));
    }
    state.setControllerRole("2", true, true, t0.plusSeconds(20));
    state.setProvisioningError("4", "quota exceeded");
    for (int i = 0; i < 30; i++) {
      state.recordEvent(new Event(t0.plusMillis(i * 1500L), "election", "0", "event " + i));
    }
    try (LogStore logs = LogStores.connect(source.endpoint())) {
      List<LogRecord> records = new ArrayList<>();
      for (int seq = 0; seq < 500; seq++) {
        records.add(new LogRecord(t0.plusMillis(seq * 10L), "machine-" + (seq % 3),
            "io.hactl.agent.AgentMain", LogLevel.values()[seq % LogLevel.values().length],
            "message " + seq + " ünïcödé", "AgentMain.java:" + seq, seq / 3));
      }
      logs.append(records);
    }
  }

  @AfterAll
  void stop() {
    state.close();
    target.close();
    source.close();
  }

  @Test
  void restoresEveryCollectionExactlyWithOnlyTheControllersReplaced() throws Exception {
    Path file = dir.resolve("backup.zip");
    BackupMetadata written = write(file, null);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(written.id().matches("\\d{8}-\\d{6}\\." + UUID_), written.id());
    assertEquals(List.of("environment", "machines", "counters"),
        written.collections().subList(0, 3));
    assertTrue(written.collections().containsAll(List.of("events", "heartbeats", "logs")));
    assertEquals(2, written.controllerCount());

    try (BackupArchive archive = BackupArchive.open(file, null)) {
      assertEquals(written, archive.metadata());
      assertEquals(IDENTITY, archive.identity());
      assertEquals(5, ArchivedMachines.nextMachineId(archive));
      assertEquals(List.of("0", "2"), ArchivedMachines.read(archive).stream()
          .filter(ArchivedMachines.ArchivedMachine::controller)
          .map(ArchivedMachines.ArchivedMachine::id).toList());
      Machine controller = new Machine("5",
          List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON), Machine.ALIVE,
          "prod-machine-5", List.of("127.0.0.1"), Map.of("state", 22000), true, true, Map.of(),
          null, Instant.now());
      List<String> machines = new DumpLoader(target.endpoint(), Clock.systemUTC())
          .load(archive, IDENTITY, controller);
      assertEquals(List.of("1", "3", "4", "5"), machines);
    }

    try (StateStore restored = StateStores.connect(target.endpoint());
        StateDump before = BackupStores.dump(source.endpoint());
        StateDump after = BackupStores.dump(target.endpoint())) {
      assertEquals(state.environment(), restored.environment());
      for (String id : List.of("1", "3", "4")) {
        assertEquals(state.machine(id), restored.machine(id), "machine " + id);
      }
      assertEquals("quota exceeded", restored.machine("4").orElseThrow().provisioningError());
      assertEquals(6, restored.nextMachineId());
      assertEquals(List.of("127.0.0.1:22000"), restored.controllerAddresses());
      assertEquals(state.controllersVersion(), restored.controllersVersion());
      assertTrue(restored.heartbeats().isEmpty(), "heartbeats are liveness, not state");
      List<Event> events = restored.events(100);
      assertEquals(state.events(100), events.subList(0, 30));
      assertEquals("restore", events.get(30).kind());
      for (String collection : List.of("logs", "logs.meta")) {
        if (before.collections().contains(collection)) {
          assertEquals(export(before, collection), export(after, collection), collection);
          assertEquals(before.indexes(collection), after.indexes(collection), collection);
        }
      }
    }
  }

  @Test
  void sealsTheKeyWithAPassphraseAndRefusesAWrongOne() throws Exception {
    Path file = dir.resolve("sealed.zip");
    BackupMetadata written = write(file, "correct horse".toCharArray());
    assertTrue(written.secretEncrypted());
    try (BackupArchive archive = BackupArchive.open(file, "correct horse".toCharArray())) {
      assertEquals(IDENTITY.secret(), archive.identity().secret());
    }
    String wrong = Archives.refusal(() -> BackupArchive.open(file, "wrong".toCharArray()));
    assertTrue(wrong.contains(BackupFormat.PASSPHRASE_VARIABLE), wrong);
    String none = Archives.refusal(() -> BackupArchive.open(file, null));
    assertTrue(none.contains("sealed"), none);
    try (var zip = new java.util.zip.ZipFile(file.toFile())) {
      String sealed = new String(zip.getInputStream(zip.getEntry(BackupFormat.SEALED_SECRET))
          .readAllBytes());
      assertFalse(sealed.contains(IDENTITY.secret()));
      assertTrue(zip.getEntry(BackupFormat.SECRET) == null);
    }
  }

  @Test
  void controllersKeepArchivesInChunksAndReturnThemByteForByte() throws Exception {
    Path archive = dir.resolve("big.bin");
    byte[] bytes = new byte[700_000];
    new Random(7).nextBytes(bytes);
    Files.write(archive, bytes);
    Path small = dir.resolve("small.zip");
    BackupMetadata older = write(small, null);
    BackupMetadata newer = new BackupMetadata(1, "test", "20990101-000000." + UUID_, "x",
        "SHA-256", 1, Instant.parse("2099-01-01T00:00:00Z"),
        Instant.parse("2099-01-01T00:00:01Z"), "n", "0", 1, "prod", UUID_, "local",
        "hactl-test", false, List.of());
    try (BackupStore store = BackupStores.backups(source.endpoint())) {
      store.save(older, small);
      store.save(newer, archive);
      assertEquals(List.of(newer.id(), older.id()),
          store.list().stream().map(BackupMetadata::id).toList());
      assertEquals(bytes.length, store.archiveSize(newer.id()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertTrue(store.copyTo(newer.id(), out));
      assertTrue(Arrays.equals(bytes, out.toByteArray()));
      assertTrue(store.remove(newer.id()));
      assertFalse(store.copyTo(newer.id(), new ByteArrayOutputStream()));
      assertFalse(store.remove(newer.id()));
      try (StateDump dump = BackupStores.dump(source.endpoint())) {
        assertFalse(dump.collections().stream().anyMatch(c -> c.startsWith("backups")),
            "a backup never holds earlier backups");
      }
      assertTrue(store.remove(older.id()));
    }
  }

  /**
   * Ids name the second a backup started: a second archive under a kept id (two backups started
   * in one second) used to replace the first without a word.
   */
  @Test
  void aDifferentArchiveUnderAKeptIdIsRefusedWhileTheSameArchiveMayBeStoredAgain()
      throws Exception {
    Path file = dir.resolve("kept.zip");
    BackupMetadata kept = write(file, null);
    BackupMetadata sameSecond = new BackupMetadata(kept.formatVersion(), kept.hactlVersion(),
        kept.id(), "another-checksum", kept.checksumFormat(), kept.size(), kept.started(),
        kept.finished(), "made in the same second", kept.machine(), kept.controllerCount(),
        kept.environmentName(), kept.environmentUuid(), kept.provider(), kept.replicaSet(),
        kept.secretEncrypted(), kept.collections());
    try (BackupStore store = BackupStores.backups(source.endpoint())) {
      store.save(kept, file);
      store.save(kept, file);
      IOException refused = assertThrows(IOException.class, () -> store.save(sameSecond, file));
      assertTrue(refused.getMessage().contains("a different backup with id " + kept.id()
          + " is already kept"), refused.getMessage());
      assertEquals(List.of(kept.checksum()),
          store.list().stream().map(BackupMetadata::checksum).toList());
      assertTrue(store.remove(kept.id()));
    }
  }

  @Test
  void aBackupTakenUnderContinuousWritesRestoresToAConsistentState() throws Exception {
    Path file = dir.resolve("busy.zip");
    try (TestReplicaSet busy = TestReplicaSet.start(dir.resolve("busy"), "hactl-test");
        StateStore busyState = StateStores.connect(busy.endpoint())) {
      busyState.initialize(new EnvironmentRecord(UUID_, "prod", "local", "hactl-test"),
          new Machine("0", List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
              Machine.ALIVE, "i0", List.of("127.0.0.1"), Map.of("state", 1), true, true,
              Map.of(), null, Instant.now()));
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread writer = new Thread(() -> {
        try (StateStore writes = StateStores.connect(busy.endpoint())) {
          int n = 0;
          while (writing.get()) {
            Machine m = writes.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(),
                Instant.now());
            writes.heartbeat(m.id(), Instant.now());
            writes.recordEvent(new Event(Instant.now(), "provisioning", m.id(), "write " + n++));
          }
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      writer.start();
      awaitMachines(busyState, 12);
      write(busy, file, null);
      long writtenBefore = busyState.nextMachineId();
      awaitMachines(busyState, writtenBefore + 3);
      writing.set(false);
      writer.join();
      assertEquals(null, failure.get());
    }

    try (TestReplicaSet fresh = TestReplicaSet.start(dir.resolve("fresh"), "hactl-test");
        BackupArchive archive = BackupArchive.open(file, null)) {
      long next = ArchivedMachines.nextMachineId(archive);
      List<ArchivedMachines.ArchivedMachine> machines = ArchivedMachines.read(archive);
      assertTrue(machines.size() >= 12, "machines: " + machines.size());
      for (ArchivedMachines.ArchivedMachine m : machines) {
        assertTrue(Long.parseLong(m.id()) < next, "machine " + m.id() + " below counter " + next);
      }
      String newId = Long.toString(next);
      new DumpLoader(fresh.endpoint(), Clock.systemUTC()).load(archive, IDENTITY,
          new Machine(newId, List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
              Machine.ALIVE, "i", List.of("127.0.0.1"), Map.of("state", 1), true, true,
              Map.of(), null, Instant.now()));
      try (StateStore restored = StateStores.connect(fresh.endpoint())) {
        assertEquals(next + 1, restored.nextMachineId());
        Machine added = restored.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(),
            Instant.now());
        assertEquals(Long.toString(next + 1), added.id(), "ids are never reused");
        assertEquals(List.of(newId), restored.machines().stream().filter(Machine::isController)
            .map(Machine::id).toList());
        // The old controller 0 is replaced by the new one; one machine was added since.
        assertEquals(machines.size() + 1, restored.machines().size());
      }
    }
  }

  private static void awaitMachines(StateStore store, long count) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (store.nextMachineId() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private BackupMetadata write(Path file, char[] passphrase) throws Exception {
    return write(source, file, passphrase);
  }

  private static BackupMetadata write(TestReplicaSet set, Path file, char[] passphrase)
      throws Exception {
    try (StateDump dump = BackupStores.dump(set.endpoint())) {
      return new ArchiveWriter(Clock.systemUTC()).write(file, dump, IDENTITY,
          new ArchiveWriter.Details("test", "notes", "0", 2), passphrase);
    }
  }

  private static List<String> export(StateDump dump, String collection) throws Exception {
    StringWriter out = new StringWriter();
    dump.export(collection, out);
    List<String> lines = new ArrayList<>(out.toString().lines().toList());
    lines.sort(null);
    return lines;
  }
}
