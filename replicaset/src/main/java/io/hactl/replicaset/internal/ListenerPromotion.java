package io.hactl.replicaset.internal;

import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.server.RaftServer;

/**
 * When a non-voting member (a Raft listener) has been given the vote.
 *
 * <p>Ratis 3.1 changes a running server's role from LISTENER to FOLLOWER nowhere: a listener
 * promoted by {@code setConfiguration} keeps replicating as a listener, never runs an election
 * timer and refuses to vote, so after the primary dies nobody can be elected (fixed upstream by
 * RATIS-2378, in Ratis 3.2.2). A Raft server takes the role its configuration gives it only when it
 * starts. So a promoted member restarts its Raft division once the configuration naming it a
 * voter is committed: deterministic (one restart per promotion, decided from the committed log,
 * not from timing), and the restarted division starts as a follower from its own log.
 */
final class ListenerPromotion {

    private ListenerPromotion() {
    }

    /**
     * True when this division runs as a listener while the committed, settled configuration (no
     * joint consensus under way) makes it a voter.
     */
    static boolean isPending(RaftServer.Division division) {
        if (division.getInfo().getCurrentRole() != RaftPeerRole.LISTENER) {
            return false;
        }
        var conf = division.getRaftConf();
        boolean settled = conf.getPreviousPeers().isEmpty() && conf.getPreviousPeers(RaftPeerRole.LISTENER).isEmpty();
        boolean voter = conf.getCurrentPeers().stream().anyMatch(p -> p.getId().equals(division.getId()));
        boolean committed = conf.getLogEntryIndex() <= division.getRaftLog().getLastCommittedIndex();
        return settled && voter && committed;
    }
}
