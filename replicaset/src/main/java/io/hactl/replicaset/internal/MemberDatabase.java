package io.hactl.replicaset.internal;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 database with unique indexes ordered by {@link BsonOrderedKeys}.
 *
 * <p>Such an index lives in its own map ({@code <namespace>._index_<name>.bson}): a map keeps its
 * entries in the order of the comparator that wrote them, so the maps that mongo-java-server's
 * own index wrote (same name without {@code .bson}; data of members from before this class) are
 * copied into the new map once, when the index is first opened, and then removed.
 */
final class MemberDatabase extends H2Database {

    /**
     * The store while a database is being constructed: H2Database's constructor already opens the
     * existing collections' indexes, through {@link #openOrCreateUniqueIndex}, before this class's
     * fields are assigned.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private MemberDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static MemberDatabase open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new MemberDatabase(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVStore store = store();
        MVMap<KeyValue, Object> positions = store.openMap(mapName(collectionName, indexName),
            new MVMap.Builder<KeyValue, Object>().keyType(BsonOrderedKeys.INSTANCE));
        String legacy = legacyMapName(collectionName, indexName);
        if (store.hasMap(legacy)) {
            MVMap<KeyValue, Object> old = store.openMap(legacy);
            old.forEach(positions::put);
            store.removeMap(old);
        }
        return new BsonOrderedUniqueIndex(positions, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(mapName(collection.getCollectionName(), indexName));
    }

    private String mapName(String collectionName, String indexName) {
        return legacyMapName(collectionName, indexName) + ".bson";
    }

    /** The name mongo-java-server's H2 backend gives an index's map. */
    private String legacyMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
