package io.hactl.replicaset.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.hactl.replicaset.Await;
import io.hactl.replicaset.KeyFiles;
import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.MemberState;
import io.hactl.replicaset.ReplicaSetMember;

/**
 * Prints figures, asserts nothing (not a test). All members and the client share this JVM, so
 * a profiler attached to it (JFR) sees every thread a write crosses; {@link ReplicaSetBenchmark}
 * is the one with separate member processes.
 *
 * <pre>
 * java [-XX:StartFlightRecording=filename=set.jfr,settings=profile] -cp ... \
 *   io.hactl.replicaset.bench.InProcessSetBenchmark [MEMBERS (3)] [CLIENTS (16)] [SECONDS (10)]
 * </pre>
 *
 * Prints sequential majority-write latency (four rounds of 1000 writes, the first one warm-up)
 * and the throughput of CLIENTS concurrent writers. Members use a key file (peer TLS on).
 */
public final class InProcessSetBenchmark {

    private static final int ROUND = 1000;

    private InProcessSetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("replicaset-inprocess");
        Path keyFile = KeyFiles.create(dir, "key");
        List<ReplicaSetMember> members = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                members.add(ReplicaSetMember.start(new MemberOptions("127.0.0.1", 0, dir.resolve("m" + i), "rs0", keyFile, 0)));
            }
            initiate(members);
            String hosts = String.join(",", members.stream().map(ReplicaSetMember::address).toList());
            try (MongoClient client = MongoClients.create("mongodb://" + hosts + "/?replicaSet=rs0")) {
                MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs")
                    .withWriteConcern(WriteConcern.MAJORITY);
                for (int round = 0; round < 4; round++) {
                    sequential(docs, size, round);
                }
                concurrent(docs, size, clients, seconds);
            }
        } finally {
            members.forEach(ReplicaSetMember::close);
        }
    }

    private static void initiate(List<ReplicaSetMember> members) {
        List<Document> config = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            config.add(new Document("_id", i).append("host", members.get(i).address()));
        }
        try (MongoClient admin = MongoClients.create("mongodb://" + members.get(0).address() + "/?directConnection=true")) {
            admin.getDatabase("admin").runCommand(new Document("replSetInitiate",
                new Document("_id", "rs0").append("version", 1).append("members", config)));
        }
        Await.until("a primary", Duration.ofSeconds(30),
            () -> members.stream().filter(m -> m.state() == MemberState.PRIMARY).count(), n -> n == 1);
    }

    private static void sequential(MongoCollection<Document> docs, int size, int round) {
        long[] nanos = new long[ROUND];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            docs.insertOne(document());
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%d member(s), 1 client, round %d%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", size, round,
            round == 0 ? " (warm-up)" : "", nanos[ROUND / 2] / 1e6, nanos[ROUND * 9 / 10] / 1e6, nanos[ROUND * 99 / 100] / 1e6);
    }

    private static void concurrent(MongoCollection<Document> docs, int size, int clients, int seconds) throws InterruptedException {
        AtomicLong writes = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> writers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread writer = new Thread(() -> {
                while (System.nanoTime() < end) {
                    docs.insertOne(document());
                    writes.incrementAndGet();
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        System.out.printf("%d member(s), %d clients: %.0f writes/s%n", size, clients, writes.get() / (double) seconds);
    }

    private static Document document() {
        return new Document("at", System.nanoTime()).append("pad", "x".repeat(100));
    }
}
