package io.hactl.replicaset.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ratis.client.RaftClient;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerRpcWithProxy;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;
import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.MemberState;

/**
 * Replication with Apache Ratis: the Raft leader is the PRIMARY, voters are SECONDARY, Raft
 * listeners are the non-voting members. A write is proposed to the Raft log on the leader and
 * answered with the leader's apply result once a majority has the entry; every member applies
 * the same entries in the same order ({@link MemberStateMachine}).
 *
 * <p>Before {@code replSetInitiate} (or a join from another member) no Raft server runs and the
 * peer port is not bound.
 */
public final class RaftEngine implements ReplicationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RaftEngine.class);
    private static final long WRITE_TIMEOUT_SECONDS = 30;
    private static final long PROMOTION_WAIT_SECONDS = 30;
    private static final long FORMATION_WAIT_SECONDS = 15;
    private static final long TOPOLOGY_POLL_MILLIS = 100;

    private final MemberOptions options;
    private final MemberIdentity me;
    private volatile MemberStateMachine stateMachine;
    private final PeerHandshake handshake;
    private final PeerTls tls;
    private final RaftGroupId groupId;
    private final Path raftDir;
    private final RaftAdmin raftAdmin;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replicaset-timers");
        t.setDaemon(true);
        return t;
    });
    private final Instant started = Instant.now();
    private final WriteBatcher batcher = new WriteBatcher(this::propose);
    private final TopologyVersion topology = new TopologyVersion(this::significantState);
    private volatile RaftServer server;
    private volatile int peerPort;
    private volatile boolean reconnectFailureLogged;
    /** Ends a replSetFreeze; timer thread and synchronized commands only. */
    private ScheduledFuture<?> unfreeze;

    public RaftEngine(MemberOptions options, MemberIdentity me, MemberStateMachine stateMachine, PeerKey key) {
        this.options = options;
        this.me = me;
        this.stateMachine = stateMachine;
        this.handshake = new PeerHandshake(key, options.replSetName());
        this.tls = key.present() ? new PeerTls(key) : null;
        this.groupId = RaftGroupId.valueOf(UUID.nameUUIDFromBytes(("hactl-replset:" + options.replSetName()).getBytes()));
        this.raftDir = options.dbPath().resolve("raft");
        this.raftAdmin = new RaftAdmin(groupId, RaftSettings.parameters(tls));
        // Ratis reports leader changes, readiness and configuration changes at once; the periodic
        // look catches the rest (a member catching up, a candidate without a leader) soon after.
        stateMachine.onTopologyEvent(() -> timers.execute(this::refreshTopology));
        stateMachine.onElectionStart(this::reconnectPeers);
        timers.scheduleWithFixedDelay(this::refreshTopology, 0, TOPOLOGY_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Makes every channel to a peer try to connect now. gRPC waits longer and longer (1 s, then
     * up to 2 min) between attempts to reach a peer that was down, and meanwhile fails every
     * call to it at once; Ratis cuts the wait short only for the leader's appends. So a member
     * that had been down and was back could not vote until its channel's next attempt: in the
     * failover benchmark such elections took 2.1-2.4 s instead of ~0.9 s (Ratis logs:
     * "UNAVAILABLE: io exception" for each vote request to the restarted member). Runs on
     * Ratis' election thread just before it asks for votes (a reset channel holds the request
     * until it has connected instead of failing it), and every 100 ms while no leader is known,
     * for a peer that was still starting at the first round.
     *
     * <p>Ratis' channel class is package-private, its {@code resetConnectBackoff} public: hence
     * reflection. {@code ProcessReplicaSetE2ETest#aMemberThatComesBack...} checks that it works.
     */
    private void reconnectPeers() {
        RaftServer s = server;
        if (s == null || !(s.getServerRpc() instanceof RaftServerRpcWithProxy<?, ?> rpc)) {
            return;
        }
        try {
            for (RaftPeer peer : s.getDivision(groupId).getRaftConf().getAllPeers()) {
                if (!peer.getId().equals(s.getId())) {
                    Object channel = rpc.getProxies().getProxy(peer.getId());
                    Method reset = channel.getClass().getMethod("resetConnectBackoff");
                    reset.setAccessible(true);
                    reset.invoke(channel);
                }
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            // Once: this runs every 100 ms while there is no leader.
            if (!reconnectFailureLogged) {
                reconnectFailureLogged = true;
                LOG.warn("could not hurry the reconnection to the other members before an election: {}", e.toString());
            }
        }
    }

    /** Never throws: an exception would end the periodic look for good. */
    private void refreshTopology() {
        try {
            topology.refresh();
            if (server != null && primary().isEmpty()) {
                // An election is on: a member that was unreachable at its first round may be up now.
                reconnectPeers();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read this member's state for its topology version: {}", e.toString());
        }
    }

    /** What a driver's view of this member depends on; a change grows the topology version. */
    private Object significantState() {
        MemberState state = state();
        return List.of(state, primary().orElse(""), config().map(ReplSetConfig::version).orElse(0),
            state == MemberState.PRIMARY ? term() : 0L);
    }

    @Override
    public TopologyVersion topology() {
        return topology;
    }

    /** Called once the client port is bound: a member that was part of a set rejoins it. */
    public void open(int clientPort) throws IOException {
        this.peerPort = options.resolvePeerPort(clientPort);
        if (Files.isDirectory(raftDir.resolve(groupId.getUuid().toString()))) {
            // The group it was started in: Ratis prefers any configuration found in the log.
            startServer(RaftGroup.valueOf(groupId, stateMachine.raftPeers()), RaftStorage.StartupOption.RECOVER);
        }
    }

    private synchronized void startServer(RaftGroup group, RaftStorage.StartupOption option) throws IOException {
        Files.createDirectories(raftDir);
        if (option == RaftStorage.StartupOption.FORMAT) {
            stateMachine.rememberRaftPeers(List.copyOf(group.getPeers()));
        }
        RaftServer s = RaftServer.newBuilder().setServerId(PeerIds.of(me.address())).setGroup(group)
            .setStateMachineRegistry(id -> stateMachine)
            .setProperties(RaftSettings.server(options.bindIp(), peerPort, raftDir))
            .setParameters(raftAdmin.parameters()).setOption(option).build();
        s.start();
        server = s;
    }

    private String peerAddress() {
        return options.bindIp() + ":" + peerPort;
    }

    private Optional<DivisionInfo> info() {
        RaftServer s = server;
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(s.getDivision(groupId).getInfo());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean leaderReady() {
        return info().map(i -> i.isLeader() && i.isLeaderReady()).orElse(false);
    }

    @Override
    public MemberState state() {
        Optional<ReplSetConfig> config = stateMachine.config();
        Optional<DivisionInfo> info = info();
        if (info.isEmpty()) {
            return MemberState.STARTUP;
        }
        if (config.isEmpty()) {
            return MemberState.STARTUP2;
        }
        if (config.get().member(me.address()).isEmpty()) {
            return MemberState.REMOVED;
        }
        DivisionInfo i = info.get();
        if (i.isLeader() && i.isLeaderReady()) {
            return MemberState.PRIMARY;
        }
        if (!i.isAlive()) {
            return MemberState.RECOVERING;
        }
        return MemberState.SECONDARY;
    }

    @Override
    public Optional<ReplSetConfig> config() {
        return stateMachine.config();
    }

    @Override
    public Optional<String> primary() {
        return info().flatMap(i -> {
            if (i.isLeader()) {
                return i.isLeaderReady() ? Optional.of(me.address()) : Optional.empty();
            }
            return Optional.ofNullable(i.getLeaderId()).map(PeerIds::host);
        });
    }

    @Override
    public long term() {
        return info().map(DivisionInfo::getCurrentTerm).orElse(0L);
    }

    @Override
    public Document write(String database, String command, Document query) {
        if (!leaderReady()) {
            return Replies.notWritablePrimary();
        }
        Document entry = new Document("op", "w").append("db", database);
        try {
            entry.put("q", WritePreparer.prepare(command, query, Instant.now()));
        } catch (WritePreparer.NonDeterministicException e) {
            return Replies.error(Replies.BAD_VALUE, "BadValue", e.getMessage());
        }
        if (query.get("lsid") instanceof Document lsid && query.get("txnNumber") instanceof Number txn) {
            entry.put("s", String.valueOf(lsid.get("id")) + (lsid.containsKey("uid") ? "/" + lsid.get("uid") : ""));
            entry.put("t", txn.longValue());
        }
        return submit(entry);
    }

    /** Proposes an entry through this member (which must lead) and waits for its apply result. */
    private Document submit(Document entry) {
        try {
            return batcher.submit(entry).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return Replies.error(Replies.WRITE_CONCERN_FAILED, "WriteConcernFailed",
                "waited " + WRITE_TIMEOUT_SECONDS + " s for a majority to have the write; the primary may be cut off from the set");
        } catch (ExecutionException e) {
            return interrupted("the write failed in replication: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted("interrupted while waiting for replication");
        }
    }

    /** Sends one entry to Raft; completes with the apply result, or an error reply (never exceptionally). */
    private CompletableFuture<Document> propose(Document entry) {
        RaftServer s = server;
        if (s == null) {
            return CompletableFuture.completedFuture(Replies.notWritablePrimary());
        }
        RaftClientRequest request = request(s, RaftClientRequest.writeRequestType(),
            Message.valueOf(ByteString.copyFrom(BsonCodec.encode(entry))));
        try {
            return s.submitClientRequestAsync(request).handle((reply, error) -> {
                if (error != null) {
                    return interrupted("the write failed in replication: " + error.getMessage());
                }
                if (reply.isSuccess()) {
                    return BsonCodec.decode(reply.getMessage().getContent().toByteArray());
                }
                if (reply.getNotLeaderException() != null || reply.getLeaderNotReadyException() != null
                    || reply.getLeaderSteppingDownException() != null) {
                    return Replies.notWritablePrimary();
                }
                return interrupted("the write failed in replication: " + reply.getException());
            });
        } catch (IOException e) {
            return CompletableFuture.completedFuture(interrupted("the write failed in replication: " + e.getMessage()));
        }
    }

    private static Document interrupted(String message) {
        return Replies.error(Replies.INTERRUPTED_DUE_TO_REPL_STATE_CHANGE, "InterruptedDueToReplStateChange", message);
    }

    private RaftClientRequest request(RaftServer s, RaftClientRequest.Type type, Message message) {
        return RaftClientRequest.newBuilder().setClientId(clientId).setServerId(s.getId()).setGroupId(groupId)
            .setCallId(callIds.incrementAndGet()).setMessage(message).setType(type).build();
    }

    @Override
    public boolean confirmPrimaryForRead() {
        RaftServer s = server;
        if (s == null || !leaderReady()) {
            return false;
        }
        try {
            // A linearizable read: the leader confirms it still leads (lease or heartbeat round)
            // and waits until it has applied everything committed before answering.
            RaftClientReply reply = s.submitClientRequestAsync(request(s, RaftClientRequest.readRequestType(), Message.EMPTY))
                .get(5, TimeUnit.SECONDS);
            return reply.isSuccess();
        } catch (IOException | ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized Document initiate(Object argument) {
        if (server != null || stateMachine.config().isPresent()) {
            return Replies.error(Replies.ALREADY_INITIALIZED, "AlreadyInitialized", "already initialized");
        }
        ReplSetConfig config;
        try {
            config = argument instanceof Document doc && !doc.isEmpty()
                ? ReplSetConfig.parse(doc, options.replSetName())
                : new ReplSetConfig(options.replSetName(), 1, List.of(new ReplSetConfig.Member(0, me.address(), 1, 1.0)));
        } catch (ReplSetConfig.ConfigException e) {
            return Replies.invalidConfig(e.getMessage());
        }
        if (config.member(me.address()).isEmpty()) {
            return Replies.invalidConfig("replSetInitiate: no member of the configuration is this member (" + me.address()
                + "); name members by the address they were started with");
        }
        List<RaftPeer> peers = new ArrayList<>();
        try {
            for (ReplSetConfig.Member m : config.members()) {
                String address = peerAddress();
                if (!m.host().equals(me.address())) {
                    PeerHandshake.PeerInfo peer = handshake.hello(m.host());
                    if (peer.initiated()) {
                        return Replies.invalidConfig("member " + m.host() + " is already part of a replica set");
                    }
                    address = peer.peerAddress();
                }
                peers.add(peer(m, address));
            }
            joinAll(config.members().stream().map(ReplSetConfig.Member::host).filter(h -> !h.equals(me.address())).toList(),
                peers, config);
            stateMachine.setInitialConfig(config);
            startServer(RaftGroup.valueOf(groupId, peers), RaftStorage.StartupOption.FORMAT);
        } catch (IOException e) {
            return Replies.error(Replies.NODE_NOT_FOUND, "NodeNotFound", "replSetInitiate quorum check failed: " + e.getMessage());
        }
        awaitFirstEntry(config);
        return Replies.ok();
    }

    /**
     * Waits until every member has applied the set's first log entry. Ratis does not count the
     * vote of a member whose log is empty once something is committed (such a member may have
     * lost its disk). So if the first primary died before reaching a member that started late,
     * the others could never elect a new one: the survivor with the log needs that member's vote,
     * and that member cannot win against a longer log. Seen by hand: a primary killed one second
     * after replSetInitiate left two healthy members without a primary until it came back.
     * Once every member holds an entry, any majority of them can elect.
     */
    private void awaitFirstEntry(ReplSetConfig config) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FORMATION_WAIT_SECONDS);
        Set<String> waiting = new TreeSet<>(config.members().stream().map(ReplSetConfig.Member::host).toList());
        while (System.nanoTime() < deadline) {
            waiting.removeIf(host -> appliedIndexOf(host) >= 0);
            if (waiting.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("replSetInitiate: {} still hold no entry of the set's log after {} s; until they do, the set cannot elect a"
            + " new primary without the current one", waiting, FORMATION_WAIT_SECONDS);
    }

    private long appliedIndexOf(String host) {
        if (host.equals(me.address())) {
            return appliedIndex();
        }
        try {
            return handshake.hello(host).appliedIndex();
        } catch (IOException e) {
            return -1;
        }
    }

    private long appliedIndex() {
        return info().map(DivisionInfo::getLastAppliedIndex).orElse(-1L);
    }

    /**
     * Joins the members in parallel: each starts a Raft server before it answers. A thread per
     * member, not the common pool: these calls block on the network, and Ratis needs the pool.
     */
    private void joinAll(List<String> hosts, List<RaftPeer> peers, ReplSetConfig config) throws IOException {
        if (hosts.isEmpty()) {
            return;
        }
        ExecutorService joiners = Executors.newFixedThreadPool(hosts.size());
        try {
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            for (String host : hosts) {
                joins.add(CompletableFuture.runAsync(() -> {
                    try {
                        handshake.join(host, peers, config, false);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, joiners));
            }
            for (var join : joins) {
                try {
                    join.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
                }
            }
        } finally {
            joiners.shutdown();
        }
    }

    private static RaftPeer peer(ReplSetConfig.Member m, String address) {
        return RaftPeer.newBuilder().setId(PeerIds.of(m.host())).setAddress(address)
            .setPriority((int) Math.round(m.priority()))
            .setStartupRole(m.voter() ? RaftPeerRole.FOLLOWER : RaftPeerRole.LISTENER).build();
    }

    /** Internal commands between members (see {@link PeerHandshake}). */
    @Override
    public synchronized Document peerCommand(String name, Document query) {
        if (name.equals(PeerHandshake.HELLO)) {
            return handshake.answerHello(query, me.address(), peerAddress(), server != null,
                info().map(i -> i.getCurrentRole().name()).orElse(""), appliedIndex());
        }
        Document payload;
        try {
            payload = handshake.acceptJoin(query, me.address());
        } catch (IOException e) {
            LOG.warn("{}", e.getMessage());
            return Replies.error(13, "Unauthorized", e.getMessage());
        }
        if (server != null) {
            return Replies.error(Replies.ALREADY_INITIALIZED, "AlreadyInitialized", me.address() + " is already part of a replica set");
        }
        List<RaftPeer> peers = PeerHandshake.fromDocuments(payload.get("peers"));
        try {
            ReplSetConfig config = ReplSetConfig.parse((Document) payload.get("config"), options.replSetName());
            if (!Boolean.TRUE.equals(payload.get("adding"))) {
                // Forming a new set: everyone starts from the same configuration. A member added
                // to a running set learns it from the snapshot and log instead.
                stateMachine.setInitialConfig(config);
            }
            startServer(RaftGroup.valueOf(groupId, peers), RaftStorage.StartupOption.FORMAT);
            return Replies.ok();
        } catch (IOException | RuntimeException e) {
            return Replies.error(Replies.INTERNAL_ERROR, "InternalError", "cannot join the replica set: " + e.getMessage());
        }
    }

    @Override
    public synchronized Document reconfig(Document command) {
        if (!leaderReady()) {
            return Replies.notWritablePrimary();
        }
        ReplSetConfig current = stateMachine.config().orElseThrow();
        Object arg = command.get(command.keySet().iterator().next());
        if (!(arg instanceof Document doc)) {
            return Replies.invalidConfig("replSetReconfig needs the new configuration document");
        }
        ReplSetConfig next;
        try {
            next = ReplSetConfig.parse(doc, options.replSetName());
        } catch (ReplSetConfig.ConfigException e) {
            return Replies.invalidConfig(e.getMessage());
        }
        if (next.version() <= current.version()) {
            return Replies.error(Replies.NEW_REPLICA_SET_CONFIGURATION_INCOMPATIBLE, "NewReplicaSetConfigurationIncompatible",
                "new config version " + next.version() + " must be greater than the current version " + current.version());
        }
        if (next.member(me.address()).map(m -> !m.voter()).orElse(true)) {
            return Replies.invalidConfig("the primary " + me.address() + " cannot remove itself or give up its vote;"
                + " run replSetStepDown first and reconfigure from the new primary");
        }
        try {
            RaftServer s = server;
            List<RaftPeer> voters = new ArrayList<>();
            List<RaftPeer> listeners = new ArrayList<>();
            List<String> promoted = new ArrayList<>();
            var currentConf = s.getDivision(groupId).getRaftConf();
            List<RaftPeer> currentPeers = new ArrayList<>(currentConf.getCurrentPeers());
            currentPeers.addAll(currentConf.getCurrentPeers(RaftPeerRole.LISTENER));
            for (ReplSetConfig.Member m : next.members()) {
                RaftPeer known = currentConf.getPeer(PeerIds.of(m.host()), RaftPeerRole.FOLLOWER, RaftPeerRole.LISTENER);
                String address;
                if (known != null) {
                    address = known.getAddress();
                    if (m.voter() && currentConf.getPeer(known.getId(), RaftPeerRole.LISTENER) != null) {
                        promoted.add(m.host());
                    }
                } else {
                    PeerHandshake.PeerInfo info = handshake.hello(m.host());
                    address = info.peerAddress();
                    if (!info.initiated()) {
                        // The new member starts in the current group plus itself, in its own role,
                        // so its Raft server runs from the start instead of waiting to be named.
                        List<RaftPeer> group = new ArrayList<>(currentPeers);
                        group.add(peer(m, address));
                        handshake.join(m.host(), group, next, true);
                    }
                }
                (m.voter() ? voters : listeners).add(peer(m, address));
            }
            // The configuration entry goes first: a member being removed still receives it (and
            // knows it is REMOVED), a member being added receives it with the rest of the log.
            Document applied = submit(new Document("op", "cfg").append("config", next.toDocument()));
            if (!Replies.isOk(applied)) {
                return applied;
            }
            if (!raftAdmin.changeMembership(s, voters, listeners)) {
                return Replies.error(Replies.NEW_REPLICA_SET_CONFIGURATION_INCOMPATIBLE, "NewReplicaSetConfigurationIncompatible",
                    "Raft did not adopt the new membership within " + RaftAdmin.RECONFIG_WAIT_SECONDS + " s; new members may still be"
                    + " catching up; check replSetGetStatus and retry");
            }
            for (String host : promoted) {
                awaitVoter(host);
            }
        } catch (IOException e) {
            return Replies.error(Replies.NODE_NOT_FOUND, "NodeNotFound", "replSetReconfig failed: " + e.getMessage());
        }
        return Replies.ok();
    }

    /**
     * Waits until a promoted member runs as a voter (Ratis turns a listener into a follower when it
     * applies the configuration that names it a voter), so that once replSetReconfig answers, the
     * set can elect with the new votes.
     */
    private void awaitVoter(String host) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROMOTION_WAIT_SECONDS);
        String role = "";
        while (System.nanoTime() < deadline) {
            try {
                role = handshake.hello(host).raftRole();
                if (role.equals(RaftPeerRole.FOLLOWER.name()) || role.equals(RaftPeerRole.CANDIDATE.name())) {
                    return;
                }
            } catch (IOException e) {
                role = e.getMessage();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("{} has the vote in the configuration but still runs as {} after {} s; it takes up the vote when it can",
            host, role, PROMOTION_WAIT_SECONDS);
    }

    @Override
    public synchronized Document stepDown(Document command) {
        if (!leaderReady()) {
            return Replies.notWritablePrimary();
        }
        long seconds = command.get(command.keySet().iterator().next()) instanceof Number n ? n.longValue() : 60;
        RaftServer s = server;
        try (RaftClient client = raftAdmin.client(s)) {
            // Freeze ourselves first, so the step-down is not undone by our own re-election.
            freezeFor(client, s.getId(), seconds);
            RaftClientReply reply = client.admin().transferLeadership(null, 10_000);
            if (!reply.isSuccess()) {
                resume(client, s.getId());
                return Replies.error(Replies.EXCEEDED_TIME_LIMIT, "ExceededTimeLimit",
                    "no electable secondary caught up with the primary: " + reply.getException());
            }
        } catch (IOException e) {
            return Replies.error(Replies.EXCEEDED_TIME_LIMIT, "ExceededTimeLimit", "replSetStepDown failed: " + e.getMessage());
        }
        return Replies.ok();
    }

    @Override
    public synchronized Document freeze(Document command) {
        RaftServer s = server;
        if (s == null) {
            return Replies.notYetInitialized();
        }
        if (info().map(DivisionInfo::isLeader).orElse(false)) {
            return Replies.error(95, "NotSecondary", "cannot freeze node when primary or running for election");
        }
        long seconds = command.get(command.keySet().iterator().next()) instanceof Number n ? n.longValue() : 0;
        try (RaftClient client = raftAdmin.client(s)) {
            if (seconds <= 0) {
                resume(client, s.getId());
                return new Document("info", "unfreezing").append("ok", 1.0);
            }
            freezeFor(client, s.getId(), seconds);
        } catch (IOException e) {
            return Replies.error(Replies.INTERNAL_ERROR, "InternalError", "replSetFreeze failed: " + e.getMessage());
        }
        return Replies.ok();
    }

    private void freezeFor(RaftClient client, RaftPeerId self, long seconds) throws IOException {
        RaftClientReply reply = client.getLeaderElectionManagementApi(self).pause();
        if (!reply.isSuccess()) {
            throw new IOException("cannot pause elections: " + reply.getException());
        }
        if (unfreeze != null) {
            unfreeze.cancel(false);
        }
        unfreeze = timers.schedule(() -> {
            try (RaftClient c = raftAdmin.client(server)) {
                resume(c, self);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot resume elections after freeze: {}", e.toString());
            }
        }, seconds, TimeUnit.SECONDS);
    }

    private void resume(RaftClient client, RaftPeerId self) throws IOException {
        client.getLeaderElectionManagementApi(self).resume();
    }

    @Override
    public Document status() {
        Optional<ReplSetConfig> config = stateMachine.config();
        Optional<DivisionInfo> info = info();
        if (config.isEmpty() || info.isEmpty()) {
            return Replies.notYetInitialized();
        }
        return StatusReport.build(config.get(), me.address(), state(), info.get(), stateMachine.appliedIndex(), started,
            tls == null ? "" : tls.lastRefusal());
    }

    @Override
    public void close() {
        timers.shutdownNow();
        RaftServer s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.warn("closing the Raft server failed: {}", e.toString());
            }
        }
    }

}
