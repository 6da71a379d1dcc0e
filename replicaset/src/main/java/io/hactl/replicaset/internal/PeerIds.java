package io.hactl.replicaset.internal;

import org.apache.ratis.protocol.RaftPeerId;

/** A member's Raft id is its client address ("host:port"), with ':' written as '_'. */
public final class PeerIds {

    private PeerIds() {
    }

    public static RaftPeerId of(String host) {
        return RaftPeerId.valueOf(host.replace(':', '_'));
    }

    public static String host(RaftPeerId id) {
        String s = id.toString();
        int i = s.lastIndexOf('_');
        return i < 0 ? s : s.substring(0, i) + ":" + s.substring(i + 1);
    }
}
