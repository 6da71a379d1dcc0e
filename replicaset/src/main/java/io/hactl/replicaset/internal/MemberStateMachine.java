package io.hactl.replicaset.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * Applies committed log entries, in log order, to the member's store. Every member runs the same
 * entries through the same code, so every member ends with the same data.
 *
 * <p>Crash safety: the store commits the data, the "last applied" index, the replica-set
 * configuration and the retryable-write table together (one MVStore version), so after a crash the
 * store is exactly at some index N. Raft replays the log from its last snapshot; entries at or
 * below N are skipped instead of being applied twice.
 *
 * <p>Apply never throws: a failing command becomes an error reply (the same on every member).
 */
public final class MemberStateMachine extends BaseStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(MemberStateMachine.class);
    private static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final MemberBackend store;
    private final String setName;
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final MVMap<String, Long> applied;
    private final MVMap<String, byte[]> meta;
    private final RetryableWrites retryableWrites;
    private volatile ReplSetConfig config;
    private volatile Runnable topologyEvent = () -> { };
    private volatile Runnable electionStart = () -> { };
    private long durableIndex;
    private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "replicaset-snapshot-writer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean snapshotWriting;
    /** The newest snapshot written, and the newest Ratis was told of (-1: none). */
    private volatile long finishedSnapshotIndex = -1;
    private long reportedSnapshotIndex = -1;
    private long lastCommit = System.nanoTime();

    public MemberStateMachine(MemberBackend store, String setName) {
        this.store = store;
        this.setName = setName;
        this.applied = store.getMvStore().openMap("hactl.applied");
        this.meta = store.getMvStore().openMap("hactl.meta");
        this.retryableWrites = new RetryableWrites(store.getMvStore().openMap("hactl.sessions"));
        this.config = readConfig().orElse(null);
    }

    /**
     * Remembers the Raft group this member was started in, so that a restart can hand Ratis the
     * same group (a Raft server started with an empty group stays "initializing" until its log
     * names it).
     */
    public synchronized void rememberRaftPeers(List<RaftPeer> peers) {
        meta.put("raftPeers", BsonCodec.encode(new Document("peers", PeerHandshake.toDocuments(peers))));
        store.commit();
    }

    /** The group remembered by {@link #rememberRaftPeers}, empty if none. */
    public List<RaftPeer> raftPeers() {
        byte[] bytes = meta.get("raftPeers");
        return bytes == null ? List.of() : PeerHandshake.fromDocuments(BsonCodec.decode(bytes).get("peers"));
    }

    /**
     * Called, from Ratis's threads, when the leader changes, when this member becomes a ready
     * leader and when a configuration is applied; it must return at once.
     */
    public void onTopologyEvent(Runnable listener) {
        this.topologyEvent = listener;
    }

    /**
     * Called on Ratis' election thread when this member stands for election, before it asks
     * for votes; it must return at once.
     */
    public void onElectionStart(Runnable listener) {
        this.electionStart = listener;
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId division, RaftPeerId newLeader) {
        super.notifyLeaderChanged(division, newLeader);
        if (newLeader == null) {
            // Ratis forgets the leader when this member starts a (pre-)vote, just before asking.
            electionStart.run();
        }
        topologyEvent.run();
    }

    @Override
    public void notifyLeaderReady() {
        topologyEvent.run();
    }

    /** The replicated configuration as of the last applied entry (or the initial one). */
    public Optional<ReplSetConfig> config() {
        return Optional.ofNullable(config);
    }

    /** Installs the configuration a set starts with (from replSetInitiate), before any entry. */
    public synchronized void setInitialConfig(ReplSetConfig initial) {
        meta.put("config", BsonCodec.encode(initial.toDocument()));
        config = initial;
        store.commit();
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        removeUnfinishedSnapshots();
        durableIndex = applied.getOrDefault("index", -1L);
        SingleFileSnapshotInfo snapshot = storage.getLatestSnapshot();
        if (snapshot != null) {
            finishedSnapshotIndex = snapshot.getIndex();
            reportedSnapshotIndex = snapshot.getIndex();
        }
        if (snapshot != null && snapshot.getIndex() > durableIndex) {
            load(snapshot);
        } else if (snapshot != null) {
            setLastAppliedTermIndex(snapshot.getTermIndex());
        }
        getLifeCycle().transition(LifeCycle.State.STARTING);
        getLifeCycle().transition(LifeCycle.State.RUNNING);
    }

    /** A member stopped while writing a snapshot leaves its partial file ({@code .tmp}) behind. */
    private void removeUnfinishedSnapshots() throws IOException {
        File dir = storage.getSnapshotFile(0, 0).getParentFile();
        File[] unfinished = dir.listFiles((d, name) -> name.endsWith(".tmp"));
        for (File file : unfinished == null ? new File[0] : unfinished) {
            Files.deleteIfExists(file.toPath());
        }
    }

    /** Ratis pauses the state machine before it installs a snapshot from the leader. */
    @Override
    public void pause() {
        getLifeCycle().transition(LifeCycle.State.PAUSING);
        getLifeCycle().transition(LifeCycle.State.PAUSED);
    }

    @Override
    public void reinitialize() throws IOException {
        // Called after a snapshot was installed from the leader (initial sync).
        getLifeCycle().transition(LifeCycle.State.STARTING);
        SingleFileSnapshotInfo snapshot = storage.loadLatestSnapshot();
        if (snapshot != null) {
            load(snapshot);
        }
        getLifeCycle().transition(LifeCycle.State.RUNNING);
    }

    private synchronized void load(SingleFileSnapshotInfo snapshot) throws IOException {
        Document header = SnapshotFile.load(snapshot.getFile().getPath(), store, channel);
        retryableWrites.restore(header.get("sessions"));
        if (header.get("config") instanceof Document c) {
            meta.put("config", BsonCodec.encode(c));
            config = ReplSetConfig.parse(c, setName);
        }
        TermIndex ti = snapshot.getTermIndex();
        applied.put("term", ti.getTerm());
        applied.put("index", ti.getIndex());
        store.commit();
        durableIndex = ti.getIndex();
        setLastAppliedTermIndex(ti);
        LOG.info("loaded snapshot at {}", ti);
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public SingleFileSnapshotInfo getLatestSnapshot() {
        return storage.getLatestSnapshot();
    }

    /**
     * Ratis calls this on the thread that applies entries, so it only plans the snapshot (commit,
     * freeze the store, list collections and indexes: milliseconds) and leaves the writing to
     * another thread; written on the applying thread, a snapshot held up every write for ~18 µs
     * per stored document (3.7 s at 200,000). Until that snapshot is written, this returns the
     * last one finished (Ratis purges the log up to what it returns, removes older snapshot
     * files, and asks again after the next entries); one snapshot is written at a time.
     */
    @Override
    public synchronized long takeSnapshot() throws IOException {
        if (snapshotWriting || finishedSnapshotIndex > reportedSnapshotIndex) {
            reportedSnapshotIndex = finishedSnapshotIndex;
            return reportedSnapshotIndex;
        }
        TermIndex last = getLastAppliedTermIndex();
        if (last == null || last.getIndex() <= finishedSnapshotIndex) {
            return reportedSnapshotIndex;
        }
        store.commit();
        Document header = new Document("format", 1).append("term", last.getTerm()).append("index", last.getIndex())
            .append("sessions", retryableWrites.dump());
        if (config != null) {
            header.put("config", config.toDocument());
        }
        SnapshotFile.Plan plan = SnapshotFile.plan(header, store, channel);
        snapshotWriting = true;
        try {
            snapshotWriter.execute(() -> writeSnapshot(plan, last));
        } catch (RejectedExecutionException e) {
            // Closing: the snapshot is not needed any more.
            plan.close();
            snapshotWriting = false;
        }
        return reportedSnapshotIndex;
    }

    /** On the snapshot writer's thread: never touches this object's lock. */
    private void writeSnapshot(SnapshotFile.Plan plan, TermIndex at) {
        File file = storage.getSnapshotFile(at.getTerm(), at.getIndex());
        File tmp = new File(file.getPath() + ".tmp");
        long started = System.nanoTime();
        try (plan) {
            plan.write(tmp.toPath());
            Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(file);
            storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), at));
            finishedSnapshotIndex = at.getIndex();
            LOG.debug("snapshot at {} written in {} ms", at, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            LOG.warn("snapshot at {} not written: {}", at, e.toString());
            try {
                Files.deleteIfExists(tmp.toPath());
            } catch (IOException ignored) {
                // a stray .tmp is never read as a snapshot
            }
        } finally {
            snapshotWriting = false;
        }
    }

    @Override
    public CompletableFuture<Message> query(Message request) {
        // Only used as a linearizable-read barrier: reaching here proves the read index was applied.
        return CompletableFuture.completedFuture(Message.EMPTY);
    }

    @Override
    public synchronized CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        long index = entry.getIndex();
        if (index <= durableIndex) {
            updateLastAppliedTermIndex(entry.getTerm(), index);
            return CompletableFuture.completedFuture(Message.EMPTY);
        }
        Document reply;
        try {
            reply = apply(BsonCodec.decode(entry.getStateMachineLogEntry().getLogData().toByteArray()));
        } catch (RuntimeException e) {
            // Same input, same code, same failure on every member: report it, never stop applying.
            LOG.warn("entry {} could not be applied: {}", index, e.toString());
            reply = Replies.error(Replies.INTERNAL_ERROR, "InternalError", "cannot apply replicated entry: " + e);
        }
        applied.put("term", entry.getTerm());
        applied.put("index", index);
        updateLastAppliedTermIndex(entry.getTerm(), index);
        long now = System.nanoTime();
        if (now - lastCommit > COMMIT_INTERVAL_NANOS) {
            store.commit();
            lastCommit = now;
        }
        if (trx.getServerRole() != RaftPeerRole.LEADER) {
            // Only the leader answers the client; a follower's reply would be encoded for nobody.
            return CompletableFuture.completedFuture(Message.EMPTY);
        }
        return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(BsonCodec.encode(reply))));
    }

    /**
     * Entries that are not ours (Raft membership, leader no-ops) count as applied too, so that the
     * durable "last applied" index is not behind a snapshot taken right after one of them (which
     * would make a restart reload the whole snapshot instead of skipping it).
     */
    @Override
    public synchronized void notifyTermIndexUpdated(long term, long index) {
        super.notifyTermIndexUpdated(term, index);
        if (index > durableIndex) {
            applied.put("term", term);
            applied.put("index", index);
        }
    }

    private Document apply(Document entry) {
        String op = String.valueOf(entry.get("op"));
        switch (op) {
            case "w" -> {
                String db = entry.get("db").toString();
                Document query = (Document) entry.get("q");
                String command = query.keySet().iterator().next();
                return retryableWrites.apply(entry.get("s"), entry.get("t"),
                    () -> store.execute(channel, db, command, query));
            }
            case "batch" -> {
                List<Document> replies = new ArrayList<>();
                for (Object sub : (List<?>) entry.get("entries")) {
                    Document reply;
                    try {
                        reply = apply((Document) sub);
                    } catch (RuntimeException e) {
                        reply = Replies.error(Replies.INTERNAL_ERROR, "InternalError", "cannot apply replicated write: " + e);
                    }
                    replies.add(reply);
                }
                return new Document("replies", replies).append("ok", 1.0);
            }
            case "cfg" -> {
                Document doc = (Document) entry.get("config");
                ReplSetConfig next = ReplSetConfig.parse(doc, setName);
                meta.put("config", BsonCodec.encode(doc));
                config = next;
                topologyEvent.run();
                return Replies.ok();
            }
            default -> {
                return Replies.error(Replies.BAD_VALUE, "BadValue", "unknown replicated operation '" + op + "'");
            }
        }
    }

    private Optional<ReplSetConfig> readConfig() {
        byte[] bytes = meta.get("config");
        return bytes == null ? Optional.empty() : Optional.of(ReplSetConfig.parse(BsonCodec.decode(bytes), setName));
    }

    /** Flushes the store; called on close so a clean restart replays nothing. */
    @Override
    public synchronized void close() throws IOException {
        // A snapshot being written reads the store: interrupt it, and wait until it has stopped
        // reading, before the store closes.
        snapshotWriter.shutdownNow();
        try {
            if (!snapshotWriter.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a snapshot was still being written when the member stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.commit();
        channel.finishAndReleaseAll();
        super.close();
    }

    /** Entries applied so far, for status reporting. */
    public long appliedIndex() {
        TermIndex ti = getLastAppliedTermIndex();
        return ti == null ? 0 : ti.getIndex();
    }

}
