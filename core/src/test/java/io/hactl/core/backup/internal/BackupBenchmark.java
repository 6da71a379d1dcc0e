package io.hactl.core.backup.internal;

import io.hactl.core.backup.BackupIdentity;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.StateDump;
import io.hactl.core.state.BackupStores;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Issue 8's targets: backup of an environment with 100 MB of state under 10 s; restore to a
 * controller accepting writes under 30 s. Real one-member replica sets in this JVM; state is
 * machines plus a {@code logs} collection filled to the size asked for. Prints medians.
 *
 * <pre>
 * java -cp ... io.hactl.core.backup.internal.BackupBenchmark [--mb 100] [--runs 3]
 * </pre>
 */
public final class BackupBenchmark {

  private BackupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int mb = intArg(args, "--mb", 100);
    int runs = intArg(args, "--runs", 3);
    Path dir = Files.createTempDirectory("hactl-backup-bench");
    String uuid = "0d9f3f7e-1c55-4d6e-9d49-8a7c2f4e1b11";
    BackupIdentity identity = new BackupIdentity(uuid, "bench", "local", "bench", "a2V5a2V5");
    try (TestReplicaSet source = TestReplicaSet.start(dir.resolve("source"), "bench")) {
      long filled = fill(source, uuid, mb);
      System.out.printf("state: %.1f MB of documents%n", filled / 1e6);
      List<Double> backups = new ArrayList<>();
      List<Double> restores = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        Path file = dir.resolve("b" + run + ".zip");
        long t0 = System.nanoTime();
        BackupMetadata metadata;
        try (StateDump dump = BackupStores.dump(source.endpoint())) {
          metadata = new ArchiveWriter(Clock.systemUTC()).write(file, dump, identity,
              new ArchiveWriter.Details("bench", "", "0", 1), null);
        }
        backups.add((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        try (TestReplicaSet target = TestReplicaSet.start(dir.resolve("t" + run), "bench");
            BackupArchive archive = BackupArchive.open(file, null)) {
          new DumpLoader(target.endpoint(), Clock.systemUTC()).load(archive, identity,
              new Machine(Long.toString(ArchivedMachines.nextMachineId(archive)), List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
                  Machine.ALIVE, "i", List.of("127.0.0.1"), Map.of("state", 1), true, true,
                  Map.of(), null, Instant.now()));
          try (StateStore restored = StateStores.connect(target.endpoint())) {
            restored.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), Instant.now());
          }
          restores.add((System.nanoTime() - t1) / 1e9);
        }
        System.out.printf("run %d: backup %.2f s (dump %.1f MB, archive %.1f MB), restore to a"
            + " writable controller %.2f s%n", run + 1, backups.get(run), metadata.size() / 1e6,
            Files.size(file) / 1e6, restores.get(run));
        Files.delete(file);
      }
      System.out.printf("median backup: %.2f s (target < 10 s); median restore: %.2f s"
          + " (target < 30 s)%n", median(backups), median(restores));
    }
  }

  private static long fill(TestReplicaSet set, String uuid, int mb) throws Exception {
    try (StateStore state = StateStores.connect(set.endpoint());
        StateDump dump = BackupStores.dump(set.endpoint())) {
      state.initialize(new EnvironmentRecord(uuid, "bench", "local", "bench"),
          new Machine("0", List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON),
              Machine.ALIVE, "i0", List.of("127.0.0.1"), Map.of("state", 1), true, true,
              Map.of(), null, Instant.now()));
      for (int i = 0; i < 50; i++) {
        state.addMachine(List.of(Machine.JOB_HOST_UNITS), false, Map.of(), Instant.now());
      }
      char[] text = new char[900];
      Arrays.fill(text, 'x');
      String message = new String(text);
      long bytes = 0;
      int n = 0;
      List<String> batch = new ArrayList<>();
      while (bytes < mb * 1_000_000L) {
        String doc = "{\"_id\": " + n + ", \"entity\": \"machine-" + (n % 50) + "\", \"seq\": "
            + n + ", \"message\": \"" + n + " " + message + "\"}";
        batch.add(doc);
        bytes += doc.length();
        n++;
        if (batch.size() == 1000) {
          load(dump, batch);
          batch.clear();
        }
      }
      load(dump, batch);
      return bytes;
    }
  }

  private static void load(StateDump dump, List<String> batch) {
    Iterator<String> docs = batch.iterator();
    dump.load("logs", Collections.emptyList(), docs);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
