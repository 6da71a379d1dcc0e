package io.hactl.replicaset;

/**
 * The state of a replica-set member, with MongoDB's numeric codes so that tools reading
 * {@code replSetGetStatus} see the values they expect.
 */
public enum MemberState {
    /** Started, no replica-set configuration yet (or still loading it). */
    STARTUP(0),
    /** Accepts writes: this member leads the set. */
    PRIMARY(1),
    /** A voting member that replicates from the primary. */
    SECONDARY(2),
    /** Catching up or otherwise unable to serve reads. */
    RECOVERING(3),
    /** Initial sync after joining a set. */
    STARTUP2(5),
    /** State not known (seen from another member). */
    UNKNOWN(6),
    /** A member that only votes (not produced by this implementation). */
    ARBITER(7),
    /** Not reachable (seen from another member). */
    DOWN(8),
    /** Rolling back (not produced by this implementation: Raft never diverges from a commit). */
    ROLLBACK(9),
    /** No longer in the set's configuration. */
    REMOVED(10);

    private final int code;

    MemberState(int code) {
        this.code = code;
    }

    /** MongoDB's numeric code for this state, as in {@code replSetGetStatus.members[].state}. */
    public int code() {
        return code;
    }

    /** MongoDB's name for this state, as in {@code replSetGetStatus.members[].stateStr}. */
    public String stateStr() {
        return name();
    }
}
