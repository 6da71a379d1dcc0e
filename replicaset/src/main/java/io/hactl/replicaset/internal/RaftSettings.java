package io.hactl.replicaset.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * Ratis settings for a member, in one place with the reasons for each choice.
 *
 * <ul>
 *   <li>gRPC transport, because it is the one Ratis transport with mutual TLS, which is how peers
 *       prove they hold the set's key ({@link PeerTls}).</li>
 *   <li>Election timeout 300-600 ms: failover well under 2 s, while a busy 2-core machine with
 *       several members does not trigger needless elections.</li>
 *   <li>Linearizable reads with a leader lease: a deposed primary cannot answer reads from a
 *       stale state.</li>
 *   <li>A leader that cannot reach a majority for 3 s steps down, so a cut-off primary stops
 *       claiming to be one.</li>
 *   <li>Snapshots every {@value #SNAPSHOT_EVERY} entries (an entry carries a batch of writes
 *       under load); the log is purged up to the snapshot once every follower has the entries, so
 *       it stays bounded while members are up; a member added after a purge syncs from the
 *       snapshot, one added earlier from the log.</li>
 * </ul>
 */
public final class RaftSettings {

    static final long SNAPSHOT_EVERY = 20_000;
    /** Overrides {@link #SNAPSHOT_EVERY}, for tests that need snapshots after a few entries. */
    public static final String SNAPSHOT_EVERY_PROPERTY = "hactl.replicaset.snapshotEvery";
    static final int SEGMENTS_CACHED = 3;
    static final String APPENDER_RETRY_POLICY = "1ms,10, 100ms,100, 1s,1000";

    private RaftSettings() {
    }

    public static RaftProperties server(String bindIp, int peerPort, Path storageDir) {
        RaftProperties p = common();
        RaftServerConfigKeys.setStorageDir(p, List.of(storageDir.toFile()));
        GrpcConfigKeys.Server.setHost(p, bindIp);
        GrpcConfigKeys.Server.setPort(p, peerPort);
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(300, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(600, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setLeaderLeaseEnabled(p, true);
        RaftServerConfigKeys.Read.setTimeout(p, TimeDuration.valueOf(3, TimeUnit.SECONDS));
        RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(p, TimeDuration.valueOf(3, TimeUnit.SECONDS));
        // Growing 1 -> 3 voters promotes two caught-up listeners at once. Ratis refuses such a
        // "majority add" by default; it is safe here because the change goes through joint
        // consensus and the promoted members already hold the log.
        RaftServerConfigKeys.LeaderElection.setMemberMajorityAdd(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, Long.getLong(SNAPSHOT_EVERY_PROPERTY, SNAPSHOT_EVERY));
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        // No snapshot on a clean stop or when the division is removed: the store is durable by
        // itself, and a snapshot there only costs time.
        RaftServerConfigKeys.Snapshot.setTriggerWhenStopEnabled(p, false);
        RaftServerConfigKeys.Snapshot.setTriggerWhenRemoveEnabled(p, false);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, false);
        RaftServerConfigKeys.Log.setPurgeGap(p, 256);
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf("8MB"));
        // Log entries stay on the heap while their segment is cached: Ratis' default of six
        // segments is ~50 MB of entries (more as objects), half of an agent's 96 MB heap. Three
        // keep what the appenders send from in memory; a follower further behind is sent older
        // entries read back from disk.
        RaftServerConfigKeys.Log.setSegmentCacheNumMax(p, SEGMENTS_CACHED);
        RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf("1MB"));
        RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(p, true);
        // How soon the leader tries again to send to a member it could not reach: Ratis waits 1 s
        // after ten quick tries and 5 s after thirty, so a member that started just after the
        // leader first tried it (a set being formed, a member restarted) heard nothing for a
        // second or more. Every 100 ms for the first ten seconds, then every second.
        RaftServerConfigKeys.Log.Appender.setRetryPolicy(p, APPENDER_RETRY_POLICY);
        // A new member may be silent for a while (JVM warm-up, installing a snapshot): the default
        // (3 x election timeout) aborts membership changes while it is still catching up.
        RaftServerConfigKeys.setStagingTimeout(p, TimeDuration.valueOf(30, TimeUnit.SECONDS));
        return p;
    }

    public static RaftProperties client() {
        RaftProperties p = common();
        // Long enough for a membership change whose new members must first catch up.
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(30, TimeUnit.SECONDS));
        return p;
    }

    private static RaftProperties common() {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        return p;
    }

    /** Mutual TLS rooted in the key file, or plaintext when the member runs without one. */
    public static Parameters parameters(PeerTls tls) {
        Parameters parameters = new Parameters();
        if (tls != null) {
            GrpcConfigKeys.TLS.setConf(parameters, new GrpcTlsConfig(tls.keyManager(), tls.trustManager(), true));
        }
        return parameters;
    }
}
