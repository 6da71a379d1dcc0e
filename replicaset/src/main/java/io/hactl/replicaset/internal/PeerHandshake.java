package io.hactl.replicaset.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.RaftPeer;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How a member brings others into its set over their client port, before they share a Raft
 * group: {@code hactlPeerHello} learns a member's peer address and checks it holds the same key
 * (it answers with an HMAC of a fresh nonce), {@code hactlJoin} hands it the group and the
 * configuration, signed with the key so that no one else can enrol a member.
 */
public final class PeerHandshake {

    static final String HELLO = "hactlPeerHello";
    static final String JOIN = "hactlJoin";
    /** Generous: a joining member starts its Raft server (TLS, storage) before answering. */
    private static final int TIMEOUT_MILLIS = 30_000;

    private final PeerKey key;
    private final String setName;
    private final SecureRandom random = new SecureRandom();

    public PeerHandshake(PeerKey key, String setName) {
        this.key = key;
        this.setName = setName;
    }

    /**
     * What a member told us about itself: {@code raftRole} is its Raft role now (empty before it
     * joined), {@code appliedIndex} the last log index it applied (-1 while it holds no entry).
     */
    public record PeerInfo(String host, String peerAddress, boolean initiated, String raftRole, long appliedIndex) {
    }

    /** Asks {@code host} for its peer address and checks its key; the exception says what is wrong. */
    public PeerInfo hello(String host) throws IOException {
        String nonce = nonce();
        Document reply = send(host, new Document(HELLO, 1).append("setName", setName).append("nonce", nonce));
        if (!Replies.isOk(reply)) {
            throw new IOException("member " + host + " refused to join: " + reply.get("errmsg"));
        }
        String peerAddress = String.valueOf(reply.get("peerAddress"));
        if (!key.verify("hello", helloProof(nonce, host, peerAddress), String.valueOf(reply.get("proof")))) {
            throw new IOException("member " + host + " holds a different key file than this member; give every member the same --keyFile");
        }
        return new PeerInfo(host, peerAddress, Boolean.TRUE.equals(reply.get("initiated")),
            String.valueOf(reply.getOrDefault("raftRole", "")),
            reply.get("appliedIndex") instanceof Number n ? n.longValue() : -1);
    }

    /** Our answer to {@link #hello}. */
    public Document answerHello(Document query, String me, String peerAddress, boolean initiated, String raftRole,
                                long appliedIndex) {
        if (!setName.equals(query.get("setName"))) {
            return Replies.error(Replies.INVALID_REPLICA_SET_CONFIG, "InvalidReplicaSetConfig",
                "this member was started with --replSet " + setName + ", not " + query.get("setName"));
        }
        String nonce = String.valueOf(query.get("nonce"));
        return new Document("ok", 1.0).append("setName", setName).append("host", me).append("peerAddress", peerAddress)
            .append("initiated", initiated).append("raftRole", raftRole).append("appliedIndex", appliedIndex)
            .append("proof", key.sign("hello", helloProof(nonce, me, peerAddress)));
    }

    /**
     * Tells {@code host} to start its Raft server in the group of {@code peers} (itself included,
     * each with its role). {@code adding}: the set is running and the member is being added to it,
     * so it takes the replica-set configuration from the log instead of from {@code config}.
     */
    public void join(String host, List<RaftPeer> peers, ReplSetConfig config, boolean adding) throws IOException {
        Document payload = new Document("setName", setName).append("host", host).append("nonce", nonce())
            .append("peers", toDocuments(peers)).append("config", config.toDocument()).append("adding", adding);
        byte[] bytes = BsonCodec.encode(payload);
        Document reply = send(host, new Document(JOIN, 1).append("payload", Base64.getEncoder().encodeToString(bytes))
            .append("mac", key.sign("join", bytes)));
        if (!Replies.isOk(reply)) {
            throw new IOException("member " + host + " did not join: " + reply.get("errmsg"));
        }
    }

    /**
     * Checks a join request and returns its payload.
     *
     * @throws IOException with the reason to refuse it
     */
    public Document acceptJoin(Document query, String me) throws IOException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(String.valueOf(query.get("payload")));
        } catch (IllegalArgumentException e) {
            throw new IOException("join request is malformed");
        }
        if (!key.verify("join", bytes, String.valueOf(query.get("mac")))) {
            throw new IOException("join refused: the sender does not hold this member's key file");
        }
        Document payload = BsonCodec.decode(bytes);
        if (!setName.equals(payload.get("setName")) || !me.equals(payload.get("host"))) {
            throw new IOException("join refused: it was meant for " + payload.get("host") + " in set " + payload.get("setName"));
        }
        return payload;
    }

    /** Raft peers as BSON (for the join request and for a member's own record of its group). */
    static List<Document> toDocuments(List<RaftPeer> peers) {
        return peers.stream().map(p -> new Document("id", PeerIds.host(p.getId()))
            .append("address", p.getAddress()).append("role", p.getStartupRole().name()).append("priority", p.getPriority()))
            .toList();
    }

    static List<RaftPeer> fromDocuments(Object documents) {
        return ((List<?>) documents).stream().map(Document.class::cast).map(p -> RaftPeer.newBuilder()
            .setId(PeerIds.of(p.get("id").toString())).setAddress(p.get("address").toString())
            .setPriority(((Number) p.get("priority")).intValue())
            .setStartupRole(RaftPeerRole.valueOf(p.get("role").toString())).build()).toList();
    }

    private static Document send(String host, Document command) throws IOException {
        int colon = host.lastIndexOf(':');
        return WireClient.command(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)), command,
            TIMEOUT_MILLIS);
    }

    private static byte[] helloProof(String nonce, String host, String peerAddress) {
        return (nonce + "|" + host + "|" + peerAddress).getBytes(StandardCharsets.UTF_8);
    }

    private String nonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
