package io.hactl.replicaset.internal;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 database with unique indexes ordered by {@link BsonOrderedKeys}, and
 * collections that hand out copies while a snapshot reads ({@link MemberCollection}).
 *
 * <p>Such an index lives in its own map ({@code <namespace>._index_<name>.bson}): a map keeps its
 * entries in the order of the comparator that wrote them, so the maps that mongo-java-server's
 * own index wrote (same name without {@code .bson}; data of members from before this class) are
 * copied into the new map once, when the index is first opened, and then removed.
 */
final class MemberDatabase extends H2Database {

    /** mongo-java-server's H2 backend names a collection's maps with these prefixes. */
    static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    private record Context(MVStore store, BooleanSupplier copying) {
    }

    /**
     * This database's context while it is being constructed: H2Database's constructor already
     * opens the existing collections and their indexes, through {@link #openOrCreateCollection}
     * and {@link #openOrCreateUniqueIndex}, before this class's fields are assigned.
     */
    private static final ThreadLocal<Context> OPENING = new ThreadLocal<>();

    private final Context context;

    private MemberDatabase(String name, Context context, CursorRegistry cursors) {
        super(name, context.store(), cursors);
        this.context = context;
    }

    /** {@code copying}: whether collections must hand out copies of stored documents now. */
    static MemberDatabase open(String name, MVStore store, CursorRegistry cursors, BooleanSupplier copying) {
        Context context = new Context(store, copying);
        OPENING.set(context);
        try {
            return new MemberDatabase(name, context, cursors);
        } finally {
            OPENING.remove();
        }
    }

    private Context context() {
        return context != null ? context : OPENING.get();
    }

    private MVStore store() {
        return context().store();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVStore store = store();
        return new MemberCollection(this, collectionName, options, store.openMap(DATA_MAP_PREFIX + namespace),
            store.openMap(META_MAP_PREFIX + namespace), cursorRegistry, context().copying());
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
        store().removeMap(mapName(collection.getCollectionName(), indexName));
    }

    private String mapName(String collectionName, String indexName) {
        return legacyMapName(collectionName, indexName) + ".bson";
    }

    /** The name mongo-java-server's H2 backend gives an index's map. */
    private String legacyMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
