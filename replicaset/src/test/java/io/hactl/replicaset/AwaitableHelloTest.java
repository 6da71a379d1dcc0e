package io.hactl.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import com.mongodb.event.ServerMonitorListener;

/**
 * MongoDB 4.4's awaitable {@code hello}: the reply carries a {@code topologyVersion}; a
 * {@code hello} that sends it back with {@code maxAwaitTimeMS} is answered when it changes (a new
 * primary, a new configuration) or when the wait ends, so drivers hear of a failover at once.
 */
class AwaitableHelloTest {

    /** Far longer than any test: a reply that arrives proves the server did not wait this out. */
    private static final long FOREVER_MS = TimeUnit.MINUTES.toMillis(10);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<ReplicaSetMember> members = new ArrayList<>();

    @AfterEach
    void closeMembers() {
        members.forEach(ReplicaSetMember::close);
    }

    private ReplicaSetMember start(String name) throws Exception {
        ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir.resolve(name), "rs0"));
        members.add(member);
        return member;
    }

    private static Document awaitable(Document topologyVersion, long maxAwaitMillis) {
        return new Document("hello", 1).append("topologyVersion", topologyVersion).append("maxAwaitTimeMS", maxAwaitMillis);
    }

    @Test
    void helloCarriesATopologyVersionThatStaysPutWhileNothingChanges() throws Exception {
        ReplicaSetMember member = start("m0");
        SingleMemberSetTest.initiate(member);
        try (RawWire wire = new RawWire(member.address(), REPLY_TIMEOUT)) {
            Document first = wire.call(new Document("hello", 1), 0).get("topologyVersion", Document.class);
            assertThat(first.get("processId")).isInstanceOf(ObjectId.class);
            assertThat(first.get("counter")).isInstanceOf(Long.class);

            long asked = System.nanoTime();
            Document reply = wire.call(awaitable(first, 300), RawWire.EXHAUST_ALLOWED);

            assertThat(reply.getDouble("ok")).isEqualTo(1.0);
            assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
            assertThat(reply.get("topologyVersion", Document.class)).isEqualTo(first);
            assertThat(System.nanoTime() - asked).as("answered only once the wait ran out")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
        }
    }

    @Test
    void aWaitingHelloIsAnsweredWhenTheConfigurationChanges() throws Exception {
        ReplicaSetMember member = start("m0");
        SingleMemberSetTest.initiate(member);
        try (RawWire wire = new RawWire(member.address(), REPLY_TIMEOUT);
             MongoClient client = SingleMemberSetTest.direct(member)) {
            Document before = wire.call(new Document("hello", 1), 0);
            Document version = before.get("topologyVersion", Document.class);
            wire.send(awaitable(version, FOREVER_MS), RawWire.EXHAUST_ALLOWED);

            Document config = client.getDatabase("admin").runCommand(new Document("replSetGetConfig", 1))
                .get("config", Document.class);
            client.getDatabase("admin").runCommand(new Document("replSetReconfig",
                config.append("version", config.getInteger("version") + 1)));

            Document reply = wire.receive();
            assertThat(reply.getInteger("setVersion")).isEqualTo(before.getInteger("setVersion") + 1);
            assertThat(reply.get("topologyVersion", Document.class).getLong("counter"))
                .isGreaterThan(version.getLong("counter"));
        }
    }

    @Test
    void aSecondaryAnswersAWaitingHelloWhenItBecomesPrimary() throws Exception {
        List<ReplicaSetMember> set = List.of(start("m0"), start("m1"), start("m2"));
        try (MongoClient client = SingleMemberSetTest.direct(set.get(0))) {
            client.getDatabase("admin").runCommand(new Document("replSetInitiate", ThreeMemberSetTest.config(set)));
        }
        ReplicaSetMember primary = Await.until("a primary", Duration.ofSeconds(30),
            () -> set.stream().filter(m -> m.state() == MemberState.PRIMARY).findFirst().orElse(null), p -> p != null);
        List<ReplicaSetMember> secondaries = set.stream().filter(m -> m != primary).toList();
        Await.until("both others to be secondaries", Duration.ofSeconds(30),
            () -> secondaries.stream().allMatch(m -> m.state() == MemberState.SECONDARY), ok -> ok);

        try (RawWire wire = new RawWire(secondaries.get(0).address(), REPLY_TIMEOUT)) {
            Document version = wire.call(new Document("hello", 1), 0).get("topologyVersion", Document.class);
            wire.send(awaitable(version, FOREVER_MS), RawWire.EXHAUST_ALLOWED);
            primary.close();

            // As a driver's monitor does: ask again with each reply's version until one names a
            // new primary (this member on winning the election, or the winner once it hears of it).
            Document reply = wire.receive();
            while (!reply.containsKey("primary") || reply.getString("primary").equals(primary.address())) {
                wire.send(awaitable(reply.get("topologyVersion", Document.class), FOREVER_MS), RawWire.EXHAUST_ALLOWED);
                reply = wire.receive();
            }
            assertThat(reply.getString("primary")).isIn(secondaries.get(0).address(), secondaries.get(1).address());
        }
    }

    @Test
    void aVersionFromAnotherProcessIsAnsweredAtOnceAndOneAheadIsRefused() throws Exception {
        ReplicaSetMember member = start("m0");
        SingleMemberSetTest.initiate(member);
        try (RawWire wire = new RawWire(member.address(), REPLY_TIMEOUT)) {
            Document current = wire.call(new Document("hello", 1), 0).get("topologyVersion", Document.class);

            Document otherProcess = new Document("processId", new ObjectId()).append("counter", 0L);
            Document reply = wire.call(awaitable(otherProcess, FOREVER_MS), RawWire.EXHAUST_ALLOWED);
            assertThat(reply.get("topologyVersion", Document.class).get("processId")).isEqualTo(current.get("processId"));

            Document ahead = new Document(current).append("counter", current.getLong("counter") + 5);
            Document refused = wire.call(awaitable(ahead, FOREVER_MS), RawWire.EXHAUST_ALLOWED);
            assertThat(refused.getDouble("ok")).isEqualTo(0.0);
            assertThat(refused.getInteger("code")).isEqualTo(51761);
        }
    }

    @Test
    void aNotPrimaryErrorCarriesTheTopologyVersionSoDriversCanTellItIsNotNews() throws Exception {
        ReplicaSetMember member = start("m0");
        try (RawWire wire = new RawWire(member.address(), REPLY_TIMEOUT)) {
            Document version = wire.call(new Document("hello", 1), 0).get("topologyVersion", Document.class);

            Document refused = wire.call(new Document("insert", "c").append("documents", List.of(new Document("a", 1))), 0);

            assertThat(refused.getInteger("code")).isEqualTo(10107);
            assertThat(refused.get("topologyVersion", Document.class)).isEqualTo(version);
        }
    }

    @Test
    void theDriverMonitorsTheSetWithAwaitableHellos() throws Exception {
        ReplicaSetMember member = start("m0");
        SingleMemberSetTest.initiate(member);
        CompletableFuture<ServerHeartbeatSucceededEvent> awaited = new CompletableFuture<>();
        MongoClientSettings settings = MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString("mongodb://" + member.address()
                + "/?replicaSet=rs0&heartbeatFrequencyMS=500"))
            .applyToServerSettings(s -> s.addServerMonitorListener(new ServerMonitorListener() {
                @Override
                public void serverHeartbeatSucceeded(ServerHeartbeatSucceededEvent event) {
                    if (event.isAwaited()) {
                        awaited.complete(event);
                    }
                }
            })).build();
        try (MongoClient client = MongoClients.create(settings)) {
            client.getDatabase("app").getCollection("c").insertOne(new Document("a", 1));

            ServerHeartbeatSucceededEvent event = awaited.get(30, TimeUnit.SECONDS);
            assertThat(event.getReply().getDocument("topologyVersion").containsKey("counter")).isTrue();
            assertThat(client.getDatabase("app").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }
}
