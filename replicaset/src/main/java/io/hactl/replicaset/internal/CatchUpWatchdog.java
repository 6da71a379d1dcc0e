package io.hactl.replicaset.internal;

import org.apache.ratis.proto.RaftProtos.CommitInfoProto;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;

/**
 * Notices a member whose replication from the leader has stopped while the leader is ahead.
 *
 * <p>Seen with Ratis 3.1 under heavy CPU load, about once in five multi-process runs: a member
 * being added receives its first append, then only heartbeats; the leader's commit index (which
 * the heartbeats carry) runs ahead while this member's log stays put, and the leader's membership
 * change waits for it forever. The root cause is not known. Restarting the member's Raft server
 * drops its peer connections, which makes the leader reset its stream to the member and resend
 * from what the member has; the member then catches up.
 *
 * <p>The signal is precise rather than a guess from timing alone: a known leader whose committed
 * index is beyond this member's log, and no new entry in this member's log for
 * {@value #STALLED_CHECKS} consecutive checks (one a second; an installed snapshot of a small set
 * takes far less).
 */
final class CatchUpWatchdog {

    static final int STALLED_CHECKS = 20;

    private long lastNextIndex = -1;
    private int stalledChecks;

    /** One check; true when the member should restart its Raft server now. */
    boolean stalled(RaftServer.Division division) {
        var info = division.getInfo();
        RaftPeerId leader = info.getLeaderId();
        if (info.isLeader() || leader == null) {
            stalledChecks = 0;
            lastNextIndex = -1;
            return false;
        }
        long next = division.getRaftLog().getNextIndex();
        long leaderCommit = division.getCommitInfos().stream()
            .filter(c -> RaftPeerId.valueOf(c.getServer().getId()).equals(leader))
            .mapToLong(CommitInfoProto::getCommitIndex).max().orElse(-1);
        boolean behind = leaderCommit >= next;
        stalledChecks = behind && next == lastNextIndex ? stalledChecks + 1 : 0;
        lastNextIndex = next;
        if (stalledChecks >= STALLED_CHECKS) {
            stalledChecks = 0;
            lastNextIndex = -1;
            return true;
        }
        return false;
    }
}
