package io.hactl.replicaset.internal;

import java.util.Optional;

import de.bwaldvogel.mongo.bson.Document;
import io.hactl.replicaset.MemberState;

/**
 * Decides who is primary and carries writes to every member. Commands arrive from the
 * {@link CommandRouter}; replies are MongoDB command replies (errors included, never exceptions).
 */
public interface ReplicationEngine extends AutoCloseable {

    MemberState state();

    /** The configuration this member follows, empty before {@code replSetInitiate}. */
    Optional<ReplSetConfig> config();

    /** The primary's client address as this member knows it. */
    Optional<String> primary();

    /** Grows whenever this member's state, the primary it knows or the configuration changes. */
    TopologyVersion topology();

    /** The current election term; the primary's {@code electionId} is derived from it. */
    long term();

    /** Replicates and applies a write command; returns the primary's reply once a majority has it. */
    Document write(String database, String command, Document query);

    /** True when a read needing the primary may be answered here now (leadership confirmed). */
    boolean confirmPrimaryForRead();

    Document initiate(Object argument);

    Document reconfig(Document command);

    Document stepDown(Document command);

    Document freeze(Document command);

    /** Commands members send each other over the client port while forming or growing the set. */
    Document peerCommand(String name, Document query);

    /** The {@code replSetGetStatus} reply. */
    Document status();

    @Override
    void close();
}
