package io.hactl.replicaset.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.hactl.replicaset.MemberState;

/**
 * Builds the {@code hello}/{@code isMaster} reply from which drivers learn the set: name, version,
 * voting members ({@code hosts}), non-voting ones ({@code passives}), the primary and its
 * {@code electionId}.
 *
 * <p>maxWireVersion is 8 (MongoDB 4.2): the query engine speaks that dialect, and it is the oldest
 * version current drivers accept. The reply also carries MongoDB 4.4's {@code topologyVersion}:
 * drivers that see it monitor with awaitable {@code hello}s ({@link AwaitableHello}), which is how
 * they learn of a new primary the moment it is elected.
 */
public final class HelloReply {

    public static final int MAX_WIRE_VERSION = 8;
    public static final int SESSION_TIMEOUT_MINUTES = 30;

    private final ReplicationEngine engine;
    private final MemberIdentity me;
    private final AtomicInteger connectionIds = new AtomicInteger();

    public HelloReply(ReplicationEngine engine, MemberIdentity me) {
        this.engine = engine;
        this.me = me;
    }

    public Document build(String command, Document query) {
        MemberState state = engine.state();
        boolean primary = state == MemberState.PRIMARY;
        Document reply = new Document();
        if (command.equalsIgnoreCase("hello")) {
            reply.put("isWritablePrimary", primary);
        } else {
            reply.put("ismaster", primary);
        }
        if (query.containsKey("helloOk")) {
            reply.put("helloOk", true);
        }
        reply.put("secondary", state == MemberState.SECONDARY);
        engine.config().ifPresentOrElse(config -> describeSet(reply, config, primary), () -> {
            reply.put("isreplicaset", true);
            reply.put("info", "Does not have a valid replica set config");
        });
        reply.put("topologyVersion", engine.topology().current());
        reply.put("maxBsonObjectSize", 16 * 1024 * 1024);
        reply.put("maxMessageSizeBytes", 48_000_000);
        reply.put("maxWriteBatchSize", 100_000);
        reply.put("localTime", Instant.now());
        reply.put("logicalSessionTimeoutMinutes", SESSION_TIMEOUT_MINUTES);
        reply.put("connectionId", connectionIds.incrementAndGet());
        reply.put("minWireVersion", 0);
        reply.put("maxWireVersion", MAX_WIRE_VERSION);
        reply.put("readOnly", false);
        reply.put("ok", 1.0);
        return reply;
    }

    private void describeSet(Document reply, ReplSetConfig config, boolean primary) {
        if (config.member(me.address()).isEmpty()) {
            // Removed from the set: like mongod, answer without set membership so drivers drop us.
            reply.put("isreplicaset", true);
            reply.put("info", "this member is not in the replica set configuration (REMOVED)");
            return;
        }
        reply.put("setName", config.name());
        reply.put("setVersion", config.version());
        reply.put("hosts", hosts(config.voters()));
        List<String> passives = hosts(config.nonVoters());
        if (!passives.isEmpty()) {
            reply.put("passives", passives);
        }
        engine.primary().ifPresent(p -> reply.put("primary", p));
        reply.put("me", me.address());
        if (config.member(me.address()).map(m -> !m.voter()).orElse(false)) {
            reply.put("passive", true);
        }
        if (primary) {
            reply.put("electionId", electionId(engine.term()));
        }
    }

    private static List<String> hosts(List<ReplSetConfig.Member> members) {
        return members.stream().map(ReplSetConfig.Member::host).toList();
    }

    /** mongod's shape: 0x7fffffff then the term as 8 big-endian bytes, so ids order by term. */
    public static ObjectId electionId(long term) {
        byte[] bytes = new byte[12];
        bytes[0] = 0x7f;
        bytes[1] = (byte) 0xff;
        bytes[2] = (byte) 0xff;
        bytes[3] = (byte) 0xff;
        for (int i = 0; i < 8; i++) {
            bytes[4 + i] = (byte) (term >>> (56 - 8 * i));
        }
        return new ObjectId(bytes);
    }
}
