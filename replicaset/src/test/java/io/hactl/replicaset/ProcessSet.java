package io.hactl.replicaset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** A replica set of {@link MemberProcess}es, initiated through one member as an operator would. */
public final class ProcessSet implements AutoCloseable {

    public final List<MemberProcess> members = new ArrayList<>();
    private final Path dir;
    private final Path keyFile;

    ProcessSet(Path dir, Path keyFile) {
        this.dir = dir;
        this.keyFile = keyFile;
    }

    /** {@code size} members, initiated as one set with a primary. */
    public static ProcessSet started(Path dir, int size) throws IOException {
        ProcessSet set = launched(dir, size);
        try {
            set.initiate();
        } catch (RuntimeException | Error e) {
            // The caller never gets the set to close: do not leave member JVMs behind.
            closeQuietly(set);
            throw e;
        }
        return set;
    }

    /** {@code size} members listening, not yet a set. */
    public static ProcessSet launched(Path dir, int size) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        ProcessSet set = new ProcessSet(dir, KeyFiles.create(dir, "keyfile"));
        List<MemberProcess> processes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            processes.add(set.newMember());
        }
        // Start the JVMs in parallel: JVM start-up dominates.
        try {
            processes.parallelStream().forEach(p -> {
                try {
                    p.start();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            closeQuietly(set);
            throw e;
        }
        return set;
    }

    private static void closeQuietly(ProcessSet set) {
        try {
            set.close();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public MemberProcess newMember() throws IOException {
        MemberProcess p = new MemberProcess(dir.resolve("m" + members.size()), keyFile, MemberProcess.freePort());
        members.add(p);
        return p;
    }

    void initiate() {
        long start = System.nanoTime();
        sendInitiate();
        awaitPrimary(Duration.ofSeconds(60), null);
        System.out.printf("initiated %d members in %d ms%n", members.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Sends replSetInitiate naming every member to the first one, and returns its answer. */
    public Document sendInitiate() {
        List<Document> list = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            list.add(new Document("_id", i).append("host", members.get(i).address()));
        }
        try (MongoClient client = MongoClients.create("mongodb://" + members.get(0).address() + "/?directConnection=true")) {
            return client.getDatabase("admin").runCommand(new Document("replSetInitiate",
                new Document("_id", "rs0").append("version", 1).append("members", list)));
        }
    }

    public String uri(String options) {
        StringBuilder hosts = new StringBuilder();
        for (MemberProcess m : members) {
            hosts.append(hosts.length() == 0 ? "" : ",").append(m.address());
        }
        return "mongodb://" + hosts + "/?replicaSet=rs0" + (options.isEmpty() ? "" : "&" + options);
    }

    public static MongoClient direct(MemberProcess member) {
        return MongoClients.create("mongodb://" + member.address()
            + "/?directConnection=true&serverSelectionTimeoutMS=3000&connectTimeoutMS=2000&socketTimeoutMS=5000");
    }

    public static Document hello(MemberProcess member) {
        try (MongoClient client = direct(member)) {
            return client.getDatabase("admin").runCommand(new Document("hello", 1));
        }
    }

    /** The member that says it is the writable primary, other than {@code not}. */
    public MemberProcess awaitPrimary(Duration timeout, MemberProcess not) {
        return Await.until("a primary other than " + (not == null ? "none" : not.address()), timeout,
            () -> findPrimary(not).orElse(null), p -> p != null);
    }

    public Optional<MemberProcess> findPrimary(MemberProcess not) {
        for (MemberProcess m : members) {
            if (m != not && m.alive()) {
                try {
                    if (Boolean.TRUE.equals(hello(m).getBoolean("isWritablePrimary"))) {
                        return Optional.of(m);
                    }
                } catch (RuntimeException unreachable) {
                    // keep looking
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        for (MemberProcess m : members) {
            m.kill();
        }
    }
}
