package io.hactl.replicaset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoCommandException;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/** Three members in this JVM (fast): formation, replication, step-down, key checks. */
class ThreeMemberSetTest {

    @TempDir
    Path dir;

    private final List<ReplicaSetMember> members = new ArrayList<>();

    @AfterEach
    void closeMembers() {
        members.forEach(ReplicaSetMember::close);
    }

    private ReplicaSetMember start(String name, Path keyFile) throws Exception {
        ReplicaSetMember member = ReplicaSetMember.start(new MemberOptions("127.0.0.1", 0, dir.resolve(name), "rs0",
            keyFile, 0));
        members.add(member);
        return member;
    }

    /** A version-1 configuration naming {@code set}, member ids in list order. */
    static Document config(List<ReplicaSetMember> set) {
        List<Document> list = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            list.add(new Document("_id", i).append("host", set.get(i).address()));
        }
        return new Document("_id", "rs0").append("version", 1).append("members", list);
    }

    private String uri() {
        StringBuilder hosts = new StringBuilder();
        for (ReplicaSetMember m : members) {
            hosts.append(hosts.length() == 0 ? "" : ",").append(m.address());
        }
        return "mongodb://" + hosts + "/?replicaSet=rs0&serverSelectionTimeoutMS=15000";
    }

    @Test
    void initiateOnOneMemberBringsInTheOthersAndEveryMemberGetsEachMajorityWrite() throws Exception {
        Path key = KeyFiles.create(dir, "key");
        for (int i = 0; i < 3; i++) {
            start("m" + i, key);
        }
        try (MongoClient admin = SingleMemberSetTest.direct(members.get(0))) {
            admin.getDatabase("admin").runCommand(new Document("replSetInitiate", config(members)));
        }
        Await.until("a primary", Duration.ofSeconds(20),
            () -> members.stream().filter(m -> m.state() == MemberState.PRIMARY).findFirst().orElse(null), m -> m != null);

        try (MongoClient client = MongoClients.create(uri())) {
            MongoCollection<Document> docs = client.getDatabase("app").getCollection("docs").withWriteConcern(WriteConcern.MAJORITY);
            for (int i = 0; i < 20; i++) {
                docs.insertOne(new Document("n", i));
            }
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.getList("hosts", String.class)).containsExactlyInAnyOrderElementsOf(
                members.stream().map(ReplicaSetMember::address).toList());
            // The member hello names is the one that says it is primary (on a busy machine the
            // lead may have moved since it was first elected, so compare at the same moment).
            Await.until("hello to name the current primary", Duration.ofSeconds(20),
                () -> client.getDatabase("admin").runCommand(new Document("hello", 1)).getString("primary"),
                p -> members.stream().anyMatch(m -> m.address().equals(p) && m.state() == MemberState.PRIMARY));
        }
        for (ReplicaSetMember m : members) {
            try (MongoClient direct = MongoClients.create("mongodb://" + m.address() + "/?directConnection=true")) {
                MongoCollection<Document> docs = direct.getDatabase("app").getCollection("docs")
                    .withReadPreference(ReadPreference.secondaryPreferred());
                Await.until(m.address() + " to hold 20 documents", Duration.ofSeconds(10), docs::countDocuments, n -> n == 20);
                // The same ids on every member: they were assigned once, on the primary.
                assertThat(docs.find().sort(new Document("n", 1)).map(d -> d.get("_id").toString()).into(new ArrayList<>()))
                    .hasSize(20);
            }
        }
        List<List<String>> idsPerMember = new ArrayList<>();
        for (ReplicaSetMember m : members) {
            try (MongoClient direct = MongoClients.create("mongodb://" + m.address() + "/?directConnection=true")) {
                idsPerMember.add(direct.getDatabase("app").getCollection("docs").withReadPreference(ReadPreference.secondaryPreferred())
                    .find().sort(new Document("n", 1)).map(d -> d.get("_id").toString()).into(new ArrayList<>()));
            }
        }
        assertThat(idsPerMember.get(1)).isEqualTo(idsPerMember.get(0));
        assertThat(idsPerMember.get(2)).isEqualTo(idsPerMember.get(0));
    }

    @Test
    void initiateRefusesAMemberHoldingAnotherKeyAndSaysWhy() throws Exception {
        ReplicaSetMember first = start("m0", KeyFiles.create(dir, "key-a"));
        start("m1", KeyFiles.create(dir, "key-b"));
        try (MongoClient admin = SingleMemberSetTest.direct(first)) {
            assertThatThrownBy(() -> admin.getDatabase("admin").runCommand(new Document("replSetInitiate", config(members))))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorMessage())
                    .contains(members.get(1).address() + " holds a different key file"));
        }
        assertThat(first.state()).isEqualTo(MemberState.STARTUP);
    }
}
