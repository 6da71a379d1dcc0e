package io.hactl.replicaset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

class SingleMemberSetTest {

    @TempDir
    Path dir;

    @Test
    void uninitiatedMemberRefusesWritesAndSaysItHasNoConfig() throws Exception {
        try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir, "rs0"));
             MongoClient client = direct(member)) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.getBoolean("isWritablePrimary")).isFalse();
            assertThat(hello.getBoolean("isreplicaset")).isTrue();
            assertThat(hello.getInteger("maxWireVersion")).isEqualTo(8);
            assertThat(member.state()).isEqualTo(MemberState.STARTUP);

            assertThatThrownBy(() -> client.getDatabase("app").getCollection("c").insertOne(new Document("a", 1)))
                .isInstanceOfSatisfying(MongoNotPrimaryException.class, e -> assertThat(e.getCode()).isEqualTo(10107));
            assertThatThrownBy(() -> client.getDatabase("admin").runCommand(new Document("replSetGetStatus", 1)))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(94));
        }
    }

    @Test
    void initiatedMemberIsPrimaryAndTakesMajorityWritesThroughReplicaSetUri() throws Exception {
        try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir, "rs0"))) {
            initiate(member);
            Await.primary(member);
            try (MongoClient client = replicaSet(member)) {
                MongoCollection<Document> docs = client.getDatabase("app").getCollection("docs")
                    .withWriteConcern(WriteConcern.MAJORITY);
                docs.insertOne(new Document("_id", "x").append("n", 1));
                docs.updateOne(new Document("_id", "x"), new Document("$inc", new Document("n", 41)));
                assertThat(docs.find(new Document("_id", "x")).first()).containsEntry("n", 42);

                Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
                assertThat(hello.getString("setName")).isEqualTo("rs0");
                assertThat(hello.getList("hosts", String.class)).containsExactly(member.address());
                assertThat(hello.getString("primary")).isEqualTo(member.address());
                assertThat(hello.getString("me")).isEqualTo(member.address());
                assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
                assertThat(hello.get("electionId")).isNotNull();
                assertThat(hello.getInteger("logicalSessionTimeoutMinutes")).isEqualTo(30);
            }
        }
    }

    @Test
    void statusAndConfigDescribeTheOneMember() throws Exception {
        try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir, "rs0"))) {
            initiate(member);
            try (MongoClient client = direct(member)) {
                Document status = client.getDatabase("admin").runCommand(new Document("replSetGetStatus", 1));
                assertThat(status.getString("set")).isEqualTo("rs0");
                assertThat(status.getInteger("myState")).isEqualTo(1);
                List<Document> members = status.getList("members", Document.class);
                assertThat(members).singleElement().satisfies(m -> {
                    assertThat(m.getString("name")).isEqualTo(member.address());
                    assertThat(m.getString("stateStr")).isEqualTo("PRIMARY");
                    assertThat(m.getBoolean("self")).isTrue();
                    assertThat(m.get("optime", Document.class)).containsKeys("ts", "t");
                });
                Document config = client.getDatabase("admin").runCommand(new Document("replSetGetConfig", 1))
                    .get("config", Document.class);
                assertThat(config.getString("_id")).isEqualTo("rs0");
                assertThat(config.getInteger("version")).isEqualTo(1);

                assertThatThrownBy(() -> client.getDatabase("admin").runCommand(new Document("replSetInitiate", new Document())))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(23));
            }
        }
    }

    @Test
    void initiateRefusesAConfigurationThatDoesNotNameThisMember() throws Exception {
        try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir, "rs0"));
             MongoClient client = direct(member)) {
            Document config = new Document("_id", "rs0").append("members",
                List.of(new Document("_id", 0).append("host", "127.0.0.1:1")));
            assertThatThrownBy(() -> client.getDatabase("admin").runCommand(new Document("replSetInitiate", config)))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(93));
            assertThat(member.state()).isEqualTo(MemberState.STARTUP);
        }
    }

    @Test
    void restartedMemberKeepsItsDataAndConfiguration() throws Exception {
        int port;
        try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir, "rs0"))) {
            port = member.port();
            initiate(member);
            try (MongoClient client = replicaSet(member)) {
                client.getDatabase("app").getCollection("docs").withWriteConcern(WriteConcern.MAJORITY)
                    .insertOne(new Document("_id", 1).append("kept", true));
            }
        }
        try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", port, dir, "rs0"))) {
            Await.primary(member);
            try (MongoClient client = replicaSet(member)) {
                assertThat(client.getDatabase("app").getCollection("docs").find(new Document("_id", 1)).first())
                    .containsEntry("kept", true);
            }
        }
    }

    @Test
    void aSnapshotLeftHalfWrittenByAStoppedMemberIsRemovedWhenItRestarts() throws Exception {
        int port;
        Path unfinished;
        try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir, "rs0"))) {
            port = member.port();
            initiate(member);
            try (var paths = java.nio.file.Files.walk(dir)) {
                Path snapshots = paths.filter(p -> p.getFileName().toString().equals("sm")).findFirst().orElseThrow();
                unfinished = java.nio.file.Files.writeString(snapshots.resolve("snapshot.1_7.tmp"), "cut short by kill -9");
            }
        }
        try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", port, dir, "rs0"))) {
            Await.primary(member);
            assertThat(unfinished).doesNotExist();
        }
    }

    static void initiate(ReplicaSetMember member) {
        try (MongoClient client = direct(member)) {
            client.getDatabase("admin").runCommand(new Document("replSetInitiate", new Document()));
        }
        Await.primary(member);
    }

    static MongoClient direct(ReplicaSetMember member) {
        return MongoClients.create("mongodb://" + member.address() + "/?directConnection=true&serverSelectionTimeoutMS=5000");
    }

    static MongoClient replicaSet(ReplicaSetMember member) {
        return MongoClients.create("mongodb://" + member.address() + "/?replicaSet=rs0&serverSelectionTimeoutMS=10000");
    }
}
