package io.hactl.core.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hactl.core.state.Event;
import io.hactl.core.state.Machine;
import io.hactl.core.testing.InMemoryStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore-backup} without {@code -b}: what stays, what goes, what is loaded. */
class InPlaceLoaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Records what a restore loads; machines are filtered as the real codec would. */
  private static final class RecordingDump extends FakeStateDump {
    final List<String> loadedCollections = new ArrayList<>();
    final List<String> loadedMachines = new ArrayList<>();

    @Override
    public long load(String collection, List<String> specs, Iterator<String> docs) {
      loadedCollections.add(collection);
      return super.load(collection, specs, docs);
    }

    @Override
    public long loadMachines(List<String> specs, Iterator<String> docs,
        Predicate<Machine> keep) {
      docs.forEachRemaining(line -> {
        Machine m = machine(line);
        if (keep.test(m)) {
          loadedMachines.add(m.id());
        }
      });
      return loadedMachines.size();
    }

    private static Machine machine(String line) {
      try {
        JsonNode doc = JSON.readTree(line);
        List<String> jobs = new ArrayList<>();
        doc.path("jobs").forEach(j -> jobs.add(j.asText()));
        return new Machine(doc.path("_id").asText(), jobs, Machine.ALIVE, null, List.of(),
            Map.of(), false, false, Map.of(), null, Instant.EPOCH);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @TempDir Path dir;

  @Test
  void keepsTheRunningControllersRemovesMachinesTheBackupDoesNotKnowAndLoadsTheRest()
      throws Exception {
    Path file = dir.resolve("backup.zip");
    FakeStateDump source = new FakeStateDump()
        .with("machines", List.of(
            "{\"_id\": \"0\", \"jobs\": [\"host-units\", \"manage-environ\"], \"life\": \"alive\"}",
            "{\"_id\": \"1\", \"jobs\": [\"host-units\"], \"life\": \"alive\"}",
            "{\"_id\": \"2\", \"jobs\": [\"host-units\"], \"life\": \"alive\"}",
            "{\"_id\": \"3\", \"jobs\": [\"host-units\"], \"life\": \"alive\"}"), List.of())
        .with("counters", List.of("{\"_id\": \"machine\", \"next\": 4}"), List.of())
        .with("events", List.of("{\"_id\": 1, \"message\": \"before the backup\"}"), List.of())
        .with("settings", List.of("{\"_id\": \"backups\", \"every-seconds\": 0, \"keep\": 10}"),
            List.of())
        .with("master-term", List.of("{\"_id\": \"master-term\", \"term\": 9}"), List.of());
    new ArchiveWriter(Clock.systemUTC()).write(file, source, ArchiveCorruptionTest.IDENTITY,
        new ArchiveWriter.Details("test", "", "0", 1), null);

    // Since the backup: machine 3 became a controller (enable-ha --to), 4 was added.
    InMemoryStateStore state = new InMemoryStateStore();
    state.put(controller("0"));
    state.put(plain("1", "i-1"));
    state.put(controller("3"));
    state.put(plain("4", "i-4"));
    RecordingDump target = new RecordingDump();

    InPlaceLoader.Loaded loaded;
    try (BackupArchive archive = BackupArchive.open(file, null)) {
      loaded = new InPlaceLoader(Clock.systemUTC()).load(archive, state, target);
    }

    assertThat(loaded.controllers()).containsExactly("0", "3");
    assertThat(loaded.removedMachines()).containsExactly("4");
    assertThat(loaded.stoppingInstances()).containsExactly("i-4");
    assertThat(target.loadedMachines).as("the backup's plain machines, not its controllers nor"
        + " a machine that is a controller now").containsExactly("1", "2");
    assertThat(target.loadedCollections).as("counters, the term and liveness stay")
        .containsExactly("events", "settings");
    assertThat(state.machine("3")).isPresent();
    assertThat(state.events).extracting(Event::message).singleElement().asString()
        .contains("into the running controllers (machines 0, 3)")
        .contains("removed machines 4");
  }

  private static Machine controller(String id) {
    return new Machine(id, List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
        Machine.ALIVE, "i-" + id, List.of("127.0.0.1"), Map.of("state", 5000), true, true,
        Map.of(), null, Instant.EPOCH);
  }

  private static Machine plain(String id, String instance) {
    return new Machine(id, List.of(Machine.JOB_HOST_UNITS), Machine.ALIVE, instance,
        List.of("127.0.0.1"), Map.of(), false, false, Map.of(), null, Instant.EPOCH);
  }
}
