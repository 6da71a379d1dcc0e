package io.hactl.replicaset.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.hactl.replicaset.Await;
import io.hactl.replicaset.MemberProcess;
import io.hactl.replicaset.ProcessSet;

/**
 * Prints figures, asserts nothing (not a test). Members are separate JVMs on loopback.
 *
 * <pre>
 * java -cp ... io.hactl.replicaset.bench.ReplicaSetBenchmark [--members 1,3,5] [--seconds 5] [--kills 20] [--warmup 5]
 * (--kills 0: no failover phase; --warmup: seconds of 16 writers before each set's figures)
 * </pre>
 *
 * <ul>
 *   <li>majority-write throughput and p50/p99 latency with 1 and 16 clients, per set size, and
 *       the same against an unreplicated mongo-java-server (H2 file) for the ratio;</li>
 *   <li>failover: the longest gap a looping writer sees when the primary is killed (kill -9),
 *       p50/p99 over the kills (the killed member is restarted between kills);</li>
 *   <li>catch-up: how fast a new member gets a set's data (MB/s).</li>
 * </ul>
 */
public final class ReplicaSetBenchmark {

    private ReplicaSetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1, 3);
        int seconds = 5;
        int kills = 5;
        int warmup = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--members" -> sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--kills" -> kills = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("machine: %d cores, %s %s; member JVM flags: %s %s; warm-up %d s%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"),
            String.join(" ", MemberProcess.BASE_JVM_FLAGS), MemberProcess.extraJvmFlags(), warmup);
        Path root = Files.createTempDirectory("replicaset-bench");
        double unreplicated16 = unreplicated(root.resolve("plain"), seconds);
        double threeMember16 = 0;
        for (int size : sizes) {
            try (ProcessSet set = ProcessSet.started(root.resolve("set" + size), size);
                 MongoClient client = MongoClients.create(set.uri("serverSelectionTimeoutMS=30000"))) {
                MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs")
                    .withWriteConcern(WriteConcern.MAJORITY);
                run(docs, 16, warmup, "warm-up");
                run(docs, 1, seconds, size + " member(s), 1 client");
                double t16 = run(docs, 16, seconds, size + " member(s), 16 clients");
                if (size == 3) {
                    threeMember16 = t16;
                    catchUp(set, client);
                    if (kills > 0) {
                        failover(set, client, kills);
                    }
                }
            }
        }
        if (threeMember16 > 0) {
            System.out.printf("ratio 3 members / unreplicated single member (16 clients): %.2f%n", threeMember16 / unreplicated16);
        }
    }

    /** Inserts from {@code clients} threads for {@code seconds}; prints and returns writes/s. */
    static double run(MongoCollection<Document> docs, int clients, int seconds, String label) throws InterruptedException {
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                while (running.get() && n < lat.length) {
                    long start = System.nanoTime();
                    docs.insertOne(new Document("payload", "x".repeat(100)));
                    lat[n++] = System.nanoTime() - start;
                }
                all.add(Arrays.copyOf(lat, n));
                done.countDown();
            });
            t.start();
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        running.set(false);
        done.await();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = merged.length / (double) seconds;
        if (!label.equals("warm-up")) {
            System.out.printf("%-32s %8.0f writes/s   p50 %6.2f ms   p99 %6.2f ms%n", label, perSecond,
                percentile(merged, 0.50) / 1e6, percentile(merged, 0.99) / 1e6);
        }
        return perSecond;
    }

    private static double unreplicated(Path dir, int seconds) throws Exception {
        Files.createDirectories(dir);
        H2Backend backend = new H2Backend(dir.resolve("plain.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 48);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs");
            run(docs, 16, 5, "warm-up");
            run(docs, 1, seconds, "unreplicated, 1 client");
            return run(docs, 16, seconds, "unreplicated, 16 clients");
        } finally {
            server.shutdownNow();
        }
    }

    private static void catchUp(ProcessSet set, MongoClient client) throws Exception {
        MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs");
        long count = docs.countDocuments();
        Document stats = client.getDatabase("bench").runCommand(new Document("dbStats", 1));
        double megabytes = ((Number) stats.getOrDefault("dataSize", 0)).doubleValue() / 1e6;
        MemberProcess added = set.newMember().start();
        Document config = client.getDatabase("admin").runCommand(new Document("replSetGetConfig", 1)).get("config", Document.class);
        List<Document> members = new ArrayList<>(config.getList("members", Document.class));
        members.add(new Document("_id", 99).append("host", added.address()).append("votes", 0).append("priority", 0));
        long start = System.nanoTime();
        client.getDatabase("admin").runCommand(new Document("replSetReconfig", new Document("_id", "rs0")
            .append("version", config.getInteger("version") + 1).append("members", members)));
        try (MongoClient direct = ProcessSet.direct(added)) {
            MongoCollection<Document> local = direct.getDatabase("bench").getCollection("docs")
                .withReadPreference(ReadPreference.secondaryPreferred());
            Await.until("the new member to catch up", Duration.ofMinutes(5), local::countDocuments, n -> n >= count);
        }
        double secondsTaken = (System.nanoTime() - start) / 1e9;
        System.out.printf("catch-up of a new member: %d documents (%.1f MB) in %.2f s = %.2f MB/s%n", count, megabytes,
            secondsTaken, megabytes / secondsTaken);
        added.kill();
        members.removeIf(m -> m.getString("host").equals(added.address()));
        client.getDatabase("admin").runCommand(new Document("replSetReconfig", new Document("_id", "rs0")
            .append("version", config.getInteger("version") + 2).append("members", members)));
        set.members.remove(added);
    }

    private static void failover(ProcessSet set, MongoClient client, int kills) throws Exception {
        MongoCollection<Document> docs = client.getDatabase("bench").getCollection("failover").withWriteConcern(WriteConcern.MAJORITY);
        List<Long> gaps = new ArrayList<>();
        List<Long> elections = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int k = 0; k < kills; k++) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong longest = new AtomicLong();
            AtomicLong count = new AtomicLong();
            Thread writer = new Thread(() -> {
                long last = System.nanoTime();
                while (running.get()) {
                    try {
                        docs.insertOne(new Document("k", 1));
                        long now = System.nanoTime();
                        longest.accumulateAndGet(now - last, Math::max);
                        last = now;
                        count.incrementAndGet();
                    } catch (MongoException e) {
                        errors.incrementAndGet();
                    }
                }
            });
            writer.start();
            Await.until("writes before the kill", Duration.ofSeconds(30), count::get, n -> n > 20);
            MemberProcess primary = set.awaitPrimary(Duration.ofSeconds(30), null);
            long elected;
            try (ElectionWatch watch = ElectionWatch.of(set, primary)) {
                LocalTime killedAt = LocalTime.now();
                primary.kill();
                long before = count.get();
                elected = watch.millisToNewPrimary(Duration.ofSeconds(60));
                Await.until("writes after the kill", Duration.ofSeconds(60), count::get, n -> n > before + 20);
                running.set(false);
                writer.join();
                gaps.add(TimeUnit.NANOSECONDS.toMillis(longest.get()));
                elections.add(elected);
                System.out.printf("  kill %d of %s at %s: new primary after %d ms, longest write gap %d ms%n", k + 1,
                    primary.address(), killedAt, elected, gaps.get(gaps.size() - 1));
            }
            primary.start();
            Await.until(primary.address() + " to rejoin", Duration.ofSeconds(60), () -> ProcessSet.hello(primary),
                h -> Boolean.TRUE.equals(h.getBoolean("secondary")));
        }
        long[] sorted = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] electionsSorted = elections.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("failover write gap over %d kills: p50 %d ms, p99 %d ms, max %d ms; application errors %d%n",
            kills, (long) percentile(sorted, 0.5), (long) percentile(sorted, 0.99), sorted[sorted.length - 1], errors.get());
        System.out.printf("  of which electing a new primary (kill to a survivor's hello saying so): p50 %d ms, max %d ms%n",
            (long) percentile(electionsSorted, 0.5), electionsSorted[electionsSorted.length - 1]);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
