package io.hactl.replicaset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start one replica-set member: the same knobs as {@code mongod}'s {@code --bind_ip},
 * {@code --port}, {@code --dbpath}, {@code --replSet} and {@code --keyFile}, plus the port used
 * for traffic between members.
 *
 * @param bindIp      the only address the member listens on (client and peer ports)
 * @param port        the client (MongoDB wire protocol) port; 0 picks a free port
 * @param dbPath      directory holding the member's data, log and configuration
 * @param replSetName the replica set's name; clients pass it as {@code replicaSet=}
 * @param keyFile     file holding the set's shared key, as with mongod's {@code --keyFile};
 *                    null runs without peer authentication (single-member sets only)
 * @param peerPort    port for member-to-member traffic; 0 means client port + {@value #PEER_PORT_OFFSET}
 */
public record MemberOptions(String bindIp, int port, Path dbPath, String replSetName, Path keyFile, int peerPort) {

    /** Default distance between a member's client port and its peer port. */
    public static final int PEER_PORT_OFFSET = 10000;

    public MemberOptions {
        Objects.requireNonNull(bindIp, "bindIp");
        Objects.requireNonNull(dbPath, "dbPath");
        Objects.requireNonNull(replSetName, "replSetName");
        if (bindIp.isBlank()) {
            throw new IllegalArgumentException("bind address is empty; pass an address such as 127.0.0.1");
        }
        checkPort("port", port);
        checkPort("peer port", peerPort);
        if (replSetName.isBlank() || !replSetName.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("replica set name '" + replSetName
                + "' is invalid; use letters, digits, '_', '-' or '.'");
        }
        if (peerPort == 0 && port > 65535 - PEER_PORT_OFFSET) {
            throw new IllegalArgumentException("port " + port + " leaves no room for the default peer port (port + "
                + PEER_PORT_OFFSET + "); pass a peer port explicitly");
        }
    }

    /** Options for a member on {@code bindIp:port} without a key file and with the default peer port. */
    public static MemberOptions of(String bindIp, int port, Path dbPath, String replSetName) {
        return new MemberOptions(bindIp, port, dbPath, replSetName, null, 0);
    }

    /** Returns a copy with the given key file. */
    public MemberOptions withKeyFile(Path file) {
        return new MemberOptions(bindIp, port, dbPath, replSetName, file, peerPort);
    }

    /** Returns a copy with the given peer port (0 = client port + {@value #PEER_PORT_OFFSET}). */
    public MemberOptions withPeerPort(int newPeerPort) {
        return new MemberOptions(bindIp, port, dbPath, replSetName, keyFile, newPeerPort);
    }

    /** The peer port this member uses once its client port is known. */
    public int resolvePeerPort(int actualClientPort) {
        return peerPort != 0 ? peerPort : actualClientPort + PEER_PORT_OFFSET;
    }

    private static void checkPort(String what, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(what + " " + value + " is out of range; use 1-65535 (or 0 for the default)");
        }
    }
}
