package io.hactl.replicaset.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * MongoDB's {@code topologyVersion}: a process id and a counter that grows whenever something a
 * driver cares about changes (this member's state, the primary it knows, the configuration).
 *
 * <p>Drivers send it back in an awaitable {@code hello} (MongoDB 4.4's streaming monitor), which
 * this member answers only once the version moves on or the wait runs out; so a driver hears of a
 * new primary as soon as the election ends instead of at its next poll.
 */
public final class TopologyVersion {

    private final ObjectId processId = new ObjectId();
    private final Set<Runnable> waiters = ConcurrentHashMap.newKeySet();
    private final Supplier<Object> significant;
    private volatile long counter;
    private Object lastSeen;

    /** @param significant what a driver's view of this member depends on, compared with {@code equals} */
    public TopologyVersion(Supplier<Object> significant) {
        this.significant = significant;
    }

    /**
     * The version as of now, as a {@code topologyVersion} field: what a reply shows and the
     * version it carries always agree, even just after a change the periodic {@link #refresh}
     * has not seen yet.
     */
    public synchronized Document current() {
        refresh();
        return new Document("processId", processId).append("counter", counter);
    }

    /** If what drivers would see has changed since the last look, the counter grows and every waiting hello is answered. */
    public synchronized void refresh() {
        Object now = significant.get();
        if (Objects.equals(now, lastSeen)) {
            return;
        }
        lastSeen = now;
        counter++;
        for (Runnable waiter : waiters) {
            if (waiters.remove(waiter)) {
                waiter.run();
            }
        }
    }

    /** How a driver's version compares with this member's. */
    public enum Comparison { CURRENT, STALE, AHEAD }

    /**
     * {@link Comparison#STALE} when the driver's version is from another process or an older
     * counter (answer at once), {@link Comparison#AHEAD} when it claims a counter this process has
     * not reached (a client error, as with mongod).
     */
    public Comparison compare(Document clientVersion) {
        if (!(clientVersion.get("processId") instanceof ObjectId id) || !id.equals(processId)
            || !(clientVersion.get("counter") instanceof Number clientCounter)) {
            return Comparison.STALE;
        }
        long current = counter;
        long theirs = clientCounter.longValue();
        return theirs == current ? Comparison.CURRENT : theirs < current ? Comparison.STALE : Comparison.AHEAD;
    }

    /**
     * Runs {@code waiter} once, at the next change, unless {@link #cancel} removes it first. A
     * change between the driver's check and this call is not missed: the counter is read again.
     */
    public void awaitChange(long seenCounter, Runnable waiter) {
        waiters.add(waiter);
        if (counter != seenCounter && waiters.remove(waiter)) {
            waiter.run();
        }
    }

    /** True when the waiter was still waiting (and now is not); false when a change already ran it. */
    public boolean cancel(Runnable waiter) {
        return waiters.remove(waiter);
    }
}
