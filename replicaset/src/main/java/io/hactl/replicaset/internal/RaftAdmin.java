package io.hactl.replicaset.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Raft administration from a member: admin clients, membership changes and their checks. */
final class RaftAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(RaftAdmin.class);

    private final RaftGroupId groupId;
    private final Parameters parameters;

    RaftAdmin(RaftGroupId groupId, Parameters parameters) {
        this.groupId = groupId;
        this.parameters = parameters;
    }

    /** Transport parameters (TLS) shared by the member's server and its admin clients. */
    Parameters parameters() {
        return parameters;
    }

    static final long RECONFIG_WAIT_SECONDS = 60;

    /**
     * Asks Raft for the new membership, again until it is adopted or the deadline passes: a change
     * whose new members did not catch up in time is abandoned by Raft, while the members keep what
     * they received, so the next attempt gets further.
     */
    boolean changeMembership(RaftServer s, List<RaftPeer> voters, List<RaftPeer> listeners) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RECONFIG_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (hasRaftConf(s, voters, listeners)) {
                return true;
            }
            try (RaftClient client = client(s)) {
                client.admin().setConfiguration(voters, listeners);
            } catch (IOException e) {
                LOG.info("membership change not adopted yet: {}", e.getCause() != null ? e.getCause().toString() : e.toString());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return hasRaftConf(s, voters, listeners);
    }

    private boolean hasRaftConf(RaftServer s, List<RaftPeer> voters, List<RaftPeer> listeners) throws IOException {
        Set<RaftPeerId> wantVoters = voters.stream().map(RaftPeer::getId).collect(Collectors.toSet());
        Set<RaftPeerId> wantListeners = listeners.stream().map(RaftPeer::getId).collect(Collectors.toSet());
        var conf = s.getDivision(groupId).getRaftConf();
        return conf.getPreviousPeers().isEmpty()
            && conf.getCurrentPeers().stream().map(RaftPeer::getId).collect(Collectors.toSet()).equals(wantVoters)
            && conf.getCurrentPeers(RaftPeerRole.LISTENER).stream().map(RaftPeer::getId).collect(Collectors.toSet())
                .equals(wantListeners);
    }

    RaftClient client(RaftServer s) throws IOException {
        var conf = s.getDivision(groupId).getRaftConf();
        List<RaftPeer> peers = new ArrayList<>(conf.getCurrentPeers());
        peers.addAll(conf.getCurrentPeers(RaftPeerRole.LISTENER));
        return RaftClient.newBuilder().setProperties(RaftSettings.client()).setParameters(parameters)
            .setRaftGroup(RaftGroup.valueOf(groupId, peers)).setLeaderId(s.getId())
            .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(3, TimeDuration.valueOf(500, TimeUnit.MILLISECONDS)))
            .build();
    }

}
