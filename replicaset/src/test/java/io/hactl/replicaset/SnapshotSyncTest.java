package io.hactl.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.hactl.replicaset.internal.RaftSettings;

/**
 * Initial sync from a snapshot: once the primary's log no longer starts at the beginning, a new
 * member gets a snapshot plus the entries after it, and keeps them across a restart. Members run
 * in this JVM with a snapshot every 50 entries instead of 20,000.
 */
class SnapshotSyncTest {

    private static final int DOCUMENTS = 500;
    private static final int INCREMENTS = 300;

    @TempDir
    Path dir;

    private final List<ReplicaSetMember> members = new ArrayList<>();

    @BeforeAll
    static void snapshotOften() {
        System.setProperty(RaftSettings.SNAPSHOT_EVERY_PROPERTY, "50");
    }

    @AfterAll
    static void snapshotAsUsual() {
        System.clearProperty(RaftSettings.SNAPSHOT_EVERY_PROPERTY);
    }

    @AfterEach
    void closeMembers() {
        members.forEach(ReplicaSetMember::close);
    }

    private ReplicaSetMember start(String name, Path key, int port) throws IOException {
        ReplicaSetMember member = ReplicaSetMember.start(new MemberOptions("127.0.0.1", port, dir.resolve(name), "rs0", key, 0));
        members.add(member);
        return member;
    }

    @Test
    void aMemberAddedAfterTheLogWasPurgedSyncsFromASnapshotAndKeepsItsDataAcrossARestart() throws Exception {
        Path key = KeyFiles.create(dir, "key");
        for (int i = 0; i < 3; i++) {
            start("m" + i, key, 0);
        }
        try (MongoClient admin = SingleMemberSetTest.direct(members.get(0))) {
            admin.getDatabase("admin").runCommand(new Document("replSetInitiate", ThreeMemberSetTest.config(members)));
        }
        ReplicaSetMember primary = Await.until("a primary", Duration.ofSeconds(20),
            () -> members.stream().filter(m -> m.state() == MemberState.PRIMARY).findFirst().orElse(null), m -> m != null);
        String uri = "mongodb://" + String.join(",", members.stream().map(ReplicaSetMember::address).toList())
            + "/?replicaSet=rs0&serverSelectionTimeoutMS=20000";
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> docs = client.getDatabase("app").getCollection("docs").withWriteConcern(WriteConcern.MAJORITY);
            // 20 KB each: 10 MB of log, more than one 8 MB segment, so that a purge can drop one.
            for (int i = 0; i < DOCUMENTS; i++) {
                docs.insertOne(new Document("_id", i).append("payload", "x".repeat(20_000)));
            }
            // Increments are not idempotent: a snapshot and the entries replayed after it must meet exactly.
            for (int i = 0; i < INCREMENTS; i++) {
                docs.updateOne(Filters.eq("_id", "counter"), Updates.inc("n", 1), new UpdateOptions().upsert(true));
            }
            // Then the new member cannot be sent the log from its start: it must install a snapshot.
            String primaryName = "m" + members.indexOf(primary);
            Await.until("the primary to purge the start of its log", Duration.ofSeconds(30),
                () -> logStartsAtTheBeginning(primaryName), starts -> !starts);

            ReplicaSetMember added = start("m3", key, 0);
            List<Document> config = new ArrayList<>(client.getDatabase("admin").runCommand(new Document("replSetGetConfig", 1))
                .get("config", Document.class).getList("members", Document.class));
            config.add(new Document("_id", 3).append("host", added.address()).append("votes", 0).append("priority", 0));
            client.getDatabase("admin").runCommand(new Document("replSetReconfig",
                new Document("_id", "rs0").append("version", 2).append("members", config)));
            assertHolds(added, "after its initial sync");

            // Same port: a member is named by its address.
            added.close();
            members.remove(added);
            ReplicaSetMember restarted = start("m3", key, added.port());
            assertHolds(restarted, "after a restart");
        }
    }

    private static void assertHolds(ReplicaSetMember member, String when) {
        try (MongoClient direct = MongoClients.create("mongodb://" + member.address() + "/?directConnection=true")) {
            MongoCollection<Document> local = direct.getDatabase("app").getCollection("docs")
                .withReadPreference(ReadPreference.secondaryPreferred());
            Await.until(member.address() + " to hold every document " + when, Duration.ofSeconds(60),
                local::countDocuments, n -> n == DOCUMENTS + 1);
            assertThat(local.find(Filters.eq("_id", "counter")).first().getInteger("n")).as(when).isEqualTo(INCREMENTS);
        }
    }

    /** Ratis names a log segment after its first index: log_0-N, or log_inprogress_0 while open. */
    private boolean logStartsAtTheBeginning(String memberName) {
        try (Stream<Path> files = Files.walk(dir.resolve(memberName).resolve("raft"))) {
            return files.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith("log_0-") || n.equals("log_inprogress_0"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
