package io.hactl.replicaset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoServerException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.hactl.replicaset.internal.WireClient;

/** One three-member set in this JVM, shared by checks that leave it healthy (step-down runs last). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedSetBehaviourTest {

    private final List<ReplicaSetMember> members = new ArrayList<>();
    private MongoClient client;

    @BeforeAll
    void startSet(@TempDir Path dir) throws Exception {
        Path key = KeyFiles.create(dir, "key");
        for (int i = 0; i < 3; i++) {
            members.add(ReplicaSetMember.start(new MemberOptions("127.0.0.1", 0, dir.resolve("m" + i), "rs0", key, 0)));
        }
        List<Document> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            list.add(new Document("_id", i).append("host", members.get(i).address()));
        }
        try (MongoClient admin = SingleMemberSetTest.direct(members.get(0))) {
            admin.getDatabase("admin").runCommand(new Document("replSetInitiate",
                new Document("_id", "rs0").append("members", list)));
        }
        primary();
        String hosts = String.join(",", members.stream().map(ReplicaSetMember::address).toList());
        client = MongoClients.create("mongodb://" + hosts + "/?replicaSet=rs0&serverSelectionTimeoutMS=15000");
    }

    @AfterAll
    void stopSet() {
        client.close();
        members.forEach(ReplicaSetMember::close);
    }

    private ReplicaSetMember primary() {
        return Await.until("a primary", Duration.ofSeconds(20),
            () -> members.stream().filter(m -> m.state() == MemberState.PRIMARY).findFirst().orElse(null), m -> m != null);
    }

    private ReplicaSetMember aSecondary() {
        return Await.until("a secondary", Duration.ofSeconds(20),
            () -> members.stream().filter(m -> m.state() == MemberState.SECONDARY).findFirst().orElse(null), m -> m != null);
    }

    /** A command sent without the driver, so no read preference is added for us. */
    private static de.bwaldvogel.mongo.bson.Document raw(ReplicaSetMember member, Object... keysAndValues) throws Exception {
        return rawOn(member, "admin", keysAndValues);
    }

    private static de.bwaldvogel.mongo.bson.Document rawOn(ReplicaSetMember member, String db, Object... keysAndValues)
        throws Exception {
        de.bwaldvogel.mongo.bson.Document command = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            command.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        String[] hostPort = member.address().split(":");
        return WireClient.command(hostPort[0], Integer.parseInt(hostPort[1]), db, command, 5000);
    }

    @Test
    @Order(1)
    void aSecondaryRefusesWritesAndPrimaryReadsButServesSecondaryOkReads() throws Exception {
        client.getDatabase("app").getCollection("c").withWriteConcern(WriteConcern.MAJORITY).insertOne(new Document("_id", 1));
        ReplicaSetMember secondary = aSecondary();
        de.bwaldvogel.mongo.bson.Document write = rawOn(secondary, "app", "insert", "c", "documents", List.of(new de.bwaldvogel.mongo.bson.Document("_id", 2)));
        assertThat(write.get("code")).isEqualTo(10107);
        de.bwaldvogel.mongo.bson.Document read = rawOn(secondary, "app", "find", "c");
        assertThat(read.get("code")).isEqualTo(13435);
        de.bwaldvogel.mongo.bson.Document secondaryOk = rawOn(secondary, "app", "find", "c", "$readPreference",
            new de.bwaldvogel.mongo.bson.Document("mode", "secondaryPreferred"));
        assertThat(secondaryOk.get("ok")).isEqualTo(1.0);
        de.bwaldvogel.mongo.bson.Document hello = raw(secondary, "hello", 1);
        assertThat(hello.get("secondary")).isEqualTo(true);
        assertThat(hello.get("primary")).isEqualTo(primary().address());
    }

    @Test
    @Order(2)
    void nonDeterministicWritesAreRefusedWithAClearError() {
        MongoCollection<Document> docs = client.getDatabase("app").getCollection("nd");
        docs.insertOne(new Document("_id", 1));
        assertThatThrownBy(() -> docs.updateOne(Filters.eq("_id", 1), List.of(Updates.set("at", "$$NOW"))))
            .isInstanceOfSatisfying(MongoServerException.class, e -> {
                assertThat(e.getCode()).isEqualTo(2);
                assertThat(e.getMessage()).contains("$$NOW");
            });
        docs.updateOne(Filters.eq("_id", 1), Updates.currentDate("at"));
        assertThat(docs.find().first().get("at")).isInstanceOf(java.util.Date.class);
    }

    @Test
    @Order(3)
    void statusReportsEveryMemberFromThePrimary() {
        Document status = client.getDatabase("admin").runCommand(new Document("replSetGetStatus", 1));
        List<Document> list = status.getList("members", Document.class);
        assertThat(list).hasSize(3);
        assertThat(list).filteredOn(m -> m.getInteger("state") == 1).hasSize(1);
        assertThat(list).filteredOn(m -> m.getInteger("state") == 2).hasSize(2)
            .allSatisfy(m -> assertThat(m).containsKeys("optime", "optimeDate", "lastHeartbeat", "health"));
    }

    @Test
    @Order(4)
    void freezeIsRefusedOnThePrimaryAndAcceptedOnASecondary() throws Exception {
        assertThat(raw(primary(), "replSetFreeze", 5).get("code")).isEqualTo(95);
        ReplicaSetMember secondary = aSecondary();
        assertThat(raw(secondary, "replSetFreeze", 5).get("ok")).isEqualTo(1.0);
        assertThat(raw(secondary, "replSetFreeze", 0).get("ok")).isEqualTo(1.0);
    }

    @Test
    @Order(5)
    void stepDownHandsThePrimaryToAnotherMemberAndWritesContinue() throws Exception {
        ReplicaSetMember old = primary();
        de.bwaldvogel.mongo.bson.Document reply = raw(old, "replSetStepDown", 30);
        assertThat(reply.get("ok")).as(reply.toString()).isEqualTo(1.0);
        ReplicaSetMember next = Await.until("another primary", Duration.ofSeconds(15),
            () -> members.stream().filter(m -> m != old && m.state() == MemberState.PRIMARY).findFirst().orElse(null),
            m -> m != null);
        assertThat(old.state()).isEqualTo(MemberState.SECONDARY);
        client.getDatabase("app").getCollection("after").withWriteConcern(WriteConcern.MAJORITY).insertOne(new Document("by", "next"));
        assertThat(next.state()).isEqualTo(MemberState.PRIMARY);
    }
}
