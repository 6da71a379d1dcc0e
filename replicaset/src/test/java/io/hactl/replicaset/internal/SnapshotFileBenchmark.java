package io.hactl.replicaset.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * How long a snapshot of a store of N documents takes, and how much heap it needs. Ratis asks
 * for snapshots on the thread that applies entries: what that thread waits for ("plan": commit,
 * freeze, list collections) is how long the primary's writes pause every
 * {@link RaftSettings#SNAPSHOT_EVERY} entries; the writing itself runs on another thread.
 *
 * <pre>java -Xmx96m -cp ... io.hactl.replicaset.internal.SnapshotFileBenchmark [documents] [runs]</pre>
 */
public final class SnapshotFileBenchmark {

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("snapshot-bench");
        EmbeddedChannel channel = new EmbeddedChannel();
        MemberBackend store = new MemberBackend(dir.resolve("data.mv").toString());
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            batch.add(new Document("_id", i).append("payload", "x".repeat(100)));
            if (batch.size() == 1000 || i == documents - 1) {
                store.execute(channel, "bench", "insert", new Document("insert", "docs").append("documents", batch));
                batch = new ArrayList<>();
                store.commit();
            }
        }
        System.out.printf("stored %d documents%n", documents);
        long[] planMillis = new long[runs];
        long[] writeMillis = new long[runs];
        long[] slowestUpdateMillis = new long[runs];
        java.util.Random random = new java.util.Random(1);
        for (int r = 0; r < runs; r++) {
            Path file = dir.resolve("snapshot" + r);
            long start = System.nanoTime();
            SnapshotFile.Plan plan = SnapshotFile.plan(new Document("format", 1), store, channel);
            long planned = System.nanoTime();
            java.util.concurrent.CompletableFuture<Long> written = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (plan) {
                    plan.write(file);
                    return System.nanoTime();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, runnable -> new Thread(runnable, "snapshot-writer").start());
            // Meanwhile the applying thread goes on: updates in place, as a counter's $inc.
            int updates = 0;
            long slowest = 0;
            while (!written.isDone()) {
                long t = System.nanoTime();
                store.execute(channel, "bench", "update", new Document("update", "docs").append("updates", List.of(
                    new Document("q", new Document("_id", random.nextInt(documents))).append("u",
                        new Document("$inc", new Document("n", 1))))));
                slowest = Math.max(slowest, System.nanoTime() - t);
                updates++;
            }
            planMillis[r] = (planned - start) / 1_000_000;
            writeMillis[r] = (written.join() - planned) / 1_000_000;
            slowestUpdateMillis[r] = slowest / 1_000_000;
            System.out.printf("snapshot of %d documents: plan (writes wait) %d ms, write (another thread) %d ms, %.1f MB;"
                + " meanwhile %d updates, slowest %d ms%n", documents, planMillis[r], writeMillis[r], Files.size(file) / 1e6,
                updates, slowestUpdateMillis[r]);
            Files.delete(file);
            store.commit();
        }
        Arrays.sort(planMillis);
        Arrays.sort(writeMillis);
        Arrays.sort(slowestUpdateMillis);
        System.out.printf("medians over %d runs: plan %d ms, write %d ms, slowest update during the write %d ms;"
            + " heap max %d MB%n", runs, planMillis[runs / 2], writeMillis[runs / 2], slowestUpdateMillis[runs / 2],
            Runtime.getRuntime().maxMemory() >> 20);
        store.close();
    }
}
