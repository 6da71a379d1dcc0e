package io.hactl.replicaset;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hactl.replicaset.internal.CommandRouter;
import io.hactl.replicaset.internal.HelloReply;
import io.hactl.replicaset.internal.KeyFile;
import io.hactl.replicaset.internal.MemberBackend;
import io.hactl.replicaset.internal.MemberIdentity;
import io.hactl.replicaset.internal.MemberStateMachine;
import io.hactl.replicaset.internal.PeerKey;
import io.hactl.replicaset.internal.ReplicationEngine;
import io.hactl.replicaset.internal.RaftEngine;
import io.hactl.replicaset.internal.WireServer;

/**
 * One member of a MongoDB-compatible replica set, served on the MongoDB wire protocol so that the
 * unmodified driver and tools can use it. Data lives under {@link MemberOptions#dbPath()} and
 * survives a restart, as does the replica-set configuration.
 *
 * <pre>{@code
 * try (ReplicaSetMember member = ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 27017, dir, "rs0"))) {
 *     // a client sends {replSetInitiate: {}} with directConnection=true, then uses
 *     // mongodb://127.0.0.1:27017/?replicaSet=rs0
 * }
 * }</pre>
 */
public final class ReplicaSetMember implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSetMember.class);

    /** Event-loop threads: a write waits for replication on its connection's thread, so give each client one. */
    private static final int WORKER_THREADS = 48;

    private final WireServer server;
    private final ReplicationEngine engine;
    private final MemberIdentity identity;
    private final int port;
    private boolean closed;

    private ReplicaSetMember(WireServer server, ReplicationEngine engine, MemberIdentity identity,
        int port) {
        this.server = server;
        this.engine = engine;
        this.identity = identity;
        this.port = port;
    }

    /**
     * Opens the member's data, binds its port and serves; returns once it is listening.
     *
     * @throws IOException when the data directory, key file or port cannot be used; the message says which
     */
    public static ReplicaSetMember start(MemberOptions options) throws IOException {
        if (CommonPool.tooSmall()) {
            LOG.warn("the JVM's common ForkJoinPool has one thread, so replication starts a thread per log append;"
                + " start this JVM with -D{}={} (see CommonPool)", CommonPool.PARALLELISM, CommonPool.MINIMUM);
        }
        PeerKey peerKey = options.keyFile() == null ? PeerKey.none() : PeerKey.of(KeyFile.read(options.keyFile()));
        Files.createDirectories(options.dbPath());
        MemberBackend store;
        try {
            store = new MemberBackend(options.dbPath().resolve("data.mv").toString());
        } catch (RuntimeException e) {
            throw new IOException("cannot open data in " + options.dbPath() + ": " + e.getMessage()
                + " (is another member using this --dbpath?)", e);
        }
        MemberIdentity identity = new MemberIdentity();
        RaftEngine engine = new RaftEngine(options, identity, new MemberStateMachine(store, options.replSetName()), peerKey);
        WireServer server = new WireServer(store, engine.topology(), WORKER_THREADS);
        try {
            store.setFront(new CommandRouter(store, engine, new HelloReply(engine, identity)));
            server.bind(new InetSocketAddress(options.bindIp(), options.port()));
        } catch (RuntimeException e) {
            engine.close();
            server.shutdownNow();
            throw new IOException("cannot listen on " + options.bindIp() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        int port = server.localAddress().getPort();
        identity.bound(options.bindIp(), port);
        try {
            engine.open(port);
        } catch (IOException | RuntimeException e) {
            engine.close();
            server.shutdownNow();
            throw new IOException("cannot rejoin the replica set from " + options.dbPath() + ": " + e.getMessage(), e);
        }
        return new ReplicaSetMember(server, engine, identity, port);
    }

    /** This member's name in the set's configuration: "host:port" of its client address. */
    public String address() {
        return identity.address();
    }

    /** The port clients connect to (the actual one when the options asked for port 0). */
    public int port() {
        return port;
    }

    /** This member's current replica-set state. */
    public MemberState state() {
        return engine.state();
    }

    /**
     * The current election term as this member knows it (0 before it joined a set). While this
     * member is {@link MemberState#PRIMARY} it is the term of its leadership, which a master
     * claims in state so that a deposed master can tell it was superseded.
     */
    public long term() {
        return engine.term();
    }

    /** Stops serving, flushes the data and releases the port and the files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stopListening();
        // The Raft server first (it flushes the state machine), then clients and the store.
        engine.close();
        server.shutdownNow();
    }
}
