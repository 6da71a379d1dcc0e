package io.hactl.replicaset.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * How long writing a snapshot takes, and how much heap it needs, for a store of N documents.
 * Ratis takes snapshots on the thread that applies entries, so on the primary this is how long
 * writes wait every {@link RaftSettings#SNAPSHOT_EVERY} entries.
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
            batch.add(new Document("k", i).append("payload", "x".repeat(100)));
            if (batch.size() == 1000 || i == documents - 1) {
                store.execute(channel, "bench", "insert", new Document("insert", "docs").append("documents", batch));
                batch = new ArrayList<>();
                store.commit();
            }
        }
        System.out.printf("stored %d documents%n", documents);
        long[] millis = new long[runs];
        for (int r = 0; r < runs; r++) {
            Path file = dir.resolve("snapshot" + r);
            long start = System.nanoTime();
            SnapshotFile.write(file, new Document("format", 1), store, channel);
            millis[r] = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("snapshot of %d documents: %d ms, %.1f MB%n", documents, millis[r], Files.size(file) / 1e6);
            Files.delete(file);
        }
        Arrays.sort(millis);
        System.out.printf("median %d ms over %d runs; heap max %d MB%n", millis[runs / 2], runs,
            Runtime.getRuntime().maxMemory() >> 20);
        store.close();
    }
}
