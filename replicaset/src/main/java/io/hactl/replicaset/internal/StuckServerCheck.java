package io.hactl.replicaset.internal;

import java.io.IOException;
import java.util.function.Supplier;

import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a second, looks for a Raft server stuck in a state Ratis 3.1 does not leave by itself, and
 * restarts it (the restarted server recovers its log and takes the role its configuration gives).
 */
final class StuckServerCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StuckServerCheck.class);
    private static final int STALLED_CHECKS = 15;

    /** A restart of the member's Raft server. */
    interface Restart {
        void run() throws IOException;
    }

    private final RaftGroupId groupId;
    private final MemberIdentity me;
    private final Supplier<RaftServer> server;
    private final Restart restart;
    private int stuckChecks;
    private int stalledChecks;
    private long lastLogNext = -1;

    StuckServerCheck(RaftGroupId groupId, MemberIdentity me, Supplier<RaftServer> server, Restart restart) {
        this.groupId = groupId;
        this.me = me;
        this.server = server;
        this.restart = restart;
    }

    /**
     * A member added to a running set starts its Raft server with an empty group and Ratis 3.1
     * keeps it "initializing" (life cycle STARTING) even after the log has given it a
     * configuration that names it: it replicates, but it never runs an election timer, so the
     * set cannot fail over once the old leader dies. Likewise a listener promoted to voter may
     * keep its listener role. A member that stays in either state for two checks in a row
     * restarts its Raft server, which recovers its log and starts in the role the configuration
     * gives it.
     */
    void run() {
        RaftServer s = server.get();
        if (s == null) {
            return;
        }
        try {
            var division = s.getDivision(groupId);
            var conf = division.getRaftConf();
            var id = division.getId();
            boolean voter = conf.getCurrentPeers(RaftPeerRole.FOLLOWER).stream().anyMatch(p -> p.getId().equals(id));
            boolean listener = conf.getCurrentPeers(RaftPeerRole.LISTENER).stream().anyMatch(p -> p.getId().equals(id));
            var info = division.getInfo();
            boolean stuck = conf.getPreviousPeers().isEmpty() && (voter || listener)
                && (info.getLifeCycleState() == LifeCycle.State.STARTING
                    || (voter && info.getCurrentRole() == RaftPeerRole.LISTENER));
            stuckChecks = stuck ? stuckChecks + 1 : 0;
            // A member still being brought in (not yet in the configuration) can also stall: after
            // installing a snapshot, Ratis 3.1 may never answer the append that follows: entries
            // reach its log but are never acknowledged, so they never commit here and the leader
            // waits. Written-but-uncommitted entries and no progress for STALLED_CHECKS checks:
            // restart, so the leader re-sends from what this member has.
            long logNext = division.getRaftLog().getNextIndex();
            boolean uncommitted = logNext - 1 > division.getRaftLog().getLastCommittedIndex();
            boolean initializing = info.getLifeCycleState() == LifeCycle.State.STARTING && !voter && !listener;
            stalledChecks = initializing && uncommitted && logNext == lastLogNext ? stalledChecks + 1 : 0;
            lastLogNext = logNext;
            if (stalledChecks >= STALLED_CHECKS && logNext > 0) {
                LOG.info("{} has made no replication progress for {} s while joining: restarting its Raft server",
                    me.address(), STALLED_CHECKS);
                stalledChecks = 0;
                restart.run();
                return;
            }
            if (stuckChecks >= 2) {
                LOG.info("{} is a {} in the committed Raft configuration but its Raft server is still {} as {}:"
                    + " restarting it to take up that role", me.address(), voter ? "voter" : "listener",
                    info.getLifeCycleState(), info.getCurrentRole());
                stuckChecks = 0;
                restart.run();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot check the Raft role of {}: {}", me.address(), e.toString());
        }
    }

}
