package io.hactl.replicaset.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import io.hactl.replicaset.MemberState;

/**
 * Builds {@code replSetGetStatus}. The primary knows each member's last contact and log position;
 * a secondary knows only itself and who the primary is, and says so ({@code health} 1 for the
 * primary it hears from, state UNKNOWN for the others).
 *
 * <p>optime: {@code ts} carries the Raft log index as its increment, {@code t} the term.
 */
final class StatusReport {

    private static final long DOWN_AFTER_MILLIS = 5000;

    private StatusReport() {
    }

    static Document build(ReplSetConfig config, String me, MemberState myState, DivisionInfo info, long applied,
        Instant started, String lastRefusal) {
        Instant now = Instant.now();
        long term = info.getCurrentTerm();
        RoleInfoProto role = info.getRoleInfoProto();
        Map<String, ServerRpcProto> followers = new HashMap<>();
        Map<String, Long> matched = new HashMap<>();
        if (info.isLeader() && role.hasLeaderInfo()) {
            List<ServerRpcProto> list = role.getLeaderInfo().getFollowerInfoList();
            long[] next = info.getFollowerNextIndices();
            for (int i = 0; i < list.size(); i++) {
                String host = PeerIds.host(RaftPeerId.valueOf(list.get(i).getId().getId()));
                followers.put(host, list.get(i));
                if (i < next.length) {
                    matched.put(host, next[i] - 1);
                }
            }
        }
        String primary = info.isLeader() ? me : info.getLeaderId() == null ? null : PeerIds.host(info.getLeaderId());
        List<Document> members = new ArrayList<>();
        for (ReplSetConfig.Member m : config.members()) {
            Document d = new Document("_id", m.id()).append("name", m.host());
            if (m.host().equals(me)) {
                d.append("health", 1.0).append("state", myState.code()).append("stateStr", myState.stateStr())
                    .append("uptime", Duration.between(started, now).toSeconds())
                    .append("optime", optime(applied, term)).append("optimeDate", now).append("self", true);
                if (!lastRefusal.isEmpty()) {
                    d.append("infoMessage", "refused a peer: " + lastRefusal);
                }
            } else if (followers.containsKey(m.host())) {
                long elapsed = followers.get(m.host()).getLastRpcElapsedTimeMs();
                boolean up = elapsed < DOWN_AFTER_MILLIS;
                MemberState state = up ? MemberState.SECONDARY : MemberState.DOWN;
                long index = matched.getOrDefault(m.host(), 0L);
                d.append("health", up ? 1.0 : 0.0).append("state", state.code()).append("stateStr", state.stateStr())
                    .append("optime", optime(Math.max(index, 0), term)).append("optimeDate", now)
                    .append("lastHeartbeat", now.minusMillis(elapsed)).append("self", false);
            } else if (m.host().equals(primary)) {
                d.append("health", 1.0).append("state", MemberState.PRIMARY.code()).append("stateStr", "PRIMARY")
                    .append("lastHeartbeat", now).append("self", false);
            } else {
                d.append("health", info.isLeader() ? 0.0 : 1.0)
                    .append("state", info.isLeader() ? MemberState.DOWN.code() : MemberState.UNKNOWN.code())
                    .append("stateStr", info.isLeader() ? "DOWN" : "UNKNOWN").append("self", false);
            }
            members.add(d);
        }
        return new Document("set", config.name()).append("date", now).append("myState", myState.code())
            .append("term", term).append("members", members).append("ok", 1.0);
    }

    private static Document optime(long index, long term) {
        return new Document("ts", new BsonTimestamp((long) index)).append("t", term);
    }
}
