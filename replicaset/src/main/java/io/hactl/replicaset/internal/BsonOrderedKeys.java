package io.hactl.replicaset.internal;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * The key type of a member's unique indexes: keys are stored as mongo-java-server stores them
 * (Java-serialized {@link KeyValue}s), but compared as BSON values.
 *
 * <p>{@link KeyValue} is not {@link Comparable}, so H2's default key type compares two keys by
 * serializing both with Java serialization, on every step of every B-tree search. In a profile
 * of a three-member set under 16 writers that was about a quarter of all CPU time: each insert
 * searches its {@code _id} index three times, on every member. Comparing the values directly
 * costs a few nanoseconds.
 */
final class BsonOrderedKeys extends ObjectDataType {

    static final BsonOrderedKeys INSTANCE = new BsonOrderedKeys();

    /** Arrays compare element by element (a total order), not by their smallest element as in a sort. */
    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private BsonOrderedKeys() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int shared = Math.min(left.size(), right.size());
            for (int i = 0; i < shared; i++) {
                int c = VALUES.compare(left.get(i), right.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }
}
