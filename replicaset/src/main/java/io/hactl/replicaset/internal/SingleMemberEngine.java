package io.hactl.replicaset.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import io.hactl.replicaset.MemberState;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * A replica set of exactly one member: once initiated it is PRIMARY for good, and a write is
 * majority-committed when it is applied and flushed to the local store.
 */
public final class SingleMemberEngine implements ReplicationEngine {

    private final MemberBackend store;
    private final ConfigStore configStore;
    private final MemberIdentity me;
    private final Instant started = Instant.now();
    private final EmbeddedChannel applyChannel = new EmbeddedChannel();
    private volatile ReplSetConfig config;
    private long writes;
    private Instant lastWrite = Instant.EPOCH;

    public SingleMemberEngine(MemberBackend store, ConfigStore configStore, MemberIdentity me) {
        this.store = store;
        this.configStore = configStore;
        this.me = me;
        this.config = configStore.load().orElse(null);
    }

    @Override
    public MemberState state() {
        ReplSetConfig current = config;
        if (current == null) {
            return MemberState.STARTUP;
        }
        return current.member(me.address()).isPresent() ? MemberState.PRIMARY : MemberState.REMOVED;
    }

    @Override
    public Optional<ReplSetConfig> config() {
        return Optional.ofNullable(config);
    }

    @Override
    public Optional<String> primary() {
        return state() == MemberState.PRIMARY ? Optional.of(me.address()) : Optional.empty();
    }

    @Override
    public long term() {
        return 1;
    }

    @Override
    public synchronized Document write(String database, String command, Document query) {
        if (state() != MemberState.PRIMARY) {
            return Replies.notWritablePrimary();
        }
        Document reply = store.execute(applyChannel, database, command, query);
        // Flush before acknowledging: with one member, "majority" means "on this member's disk".
        store.commit();
        writes++;
        lastWrite = Instant.now();
        return reply;
    }

    @Override
    public boolean confirmPrimaryForRead() {
        return state() == MemberState.PRIMARY;
    }

    @Override
    public synchronized Document initiate(Object argument) {
        if (config != null) {
            return Replies.error(Replies.ALREADY_INITIALIZED, "AlreadyInitialized", "already initialized");
        }
        ReplSetConfig proposed;
        try {
            proposed = argument instanceof Document doc && !doc.isEmpty()
                ? ReplSetConfig.parse(doc, configName())
                : new ReplSetConfig(configName(), 1, List.of(new ReplSetConfig.Member(0, me.address(), 1, 1.0)));
        } catch (ReplSetConfig.ConfigException e) {
            return Replies.invalidConfig(e.getMessage());
        }
        if (proposed.member(me.address()).isEmpty()) {
            return Replies.invalidConfig("replSetInitiate: no member of the configuration is this member (" + me.address() + ")");
        }
        if (proposed.members().size() != 1) {
            return Replies.invalidConfig("this member only supports one-member sets");
        }
        configStore.save(proposed);
        config = proposed;
        return Replies.ok();
    }

    private String configName() {
        return configStore.setName();
    }

    @Override
    public Document reconfig(Document command) {
        return Replies.error(Replies.COMMAND_NOT_SUPPORTED, "CommandNotSupported", "replSetReconfig needs a replicated member");
    }

    @Override
    public Document stepDown(Document command) {
        return Replies.error(Replies.NOT_WRITABLE_PRIMARY, "NotWritablePrimary",
            "no electable secondaries caught up to the primary in a one-member set");
    }

    @Override
    public Document freeze(Document command) {
        return state() == MemberState.PRIMARY
            ? Replies.error(95, "NotSecondary", "cannot freeze node when primary or running for election")
            : Replies.ok();
    }

    @Override
    public synchronized Document status() {
        ReplSetConfig current = config;
        if (current == null) {
            return Replies.notYetInitialized();
        }
        MemberState state = state();
        BsonTimestamp ts = new BsonTimestamp(lastWrite, (int) Math.min(Integer.MAX_VALUE, writes));
        Document optime = new Document("ts", ts).append("t", term());
        Document self = new Document("_id", current.member(me.address()).map(ReplSetConfig.Member::id).orElse(0))
            .append("name", me.address()).append("health", 1.0).append("state", state.code())
            .append("stateStr", state.stateStr()).append("uptime", (int) (Instant.now().getEpochSecond() - started.getEpochSecond()))
            .append("optime", optime).append("optimeDate", lastWrite).append("self", true);
        return new Document("set", current.name()).append("date", Instant.now()).append("myState", state.code())
            .append("term", term()).append("members", List.of(self)).append("ok", 1.0);
    }

    @Override
    public void close() {
        applyChannel.finishAndReleaseAll();
    }
}
