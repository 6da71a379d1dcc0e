package io.hactl.replicaset.internal;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 database with unique indexes ordered by {@link BsonOrderedKeys}, and
 * collections whose updates work on copies while a snapshot reads ({@link MemberCollection}).
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
    private static final String INDEX_INFIX = "._index_";
    private static final String INDEX_SUFFIX = ".bson";

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

    /** {@code copying}: whether updates must work on copies of stored documents now. */
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
        MVMap<KeyValue, Object> positions = store.openMap(mapName(collectionName, indexName), indexMapBuilder());
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

    /**
     * mongo-java-server's H2 backend renames nothing when a collection is renamed: it looks the
     * maps up by the collection's name after the collection took its new one, so it creates two
     * empty maps under the new name and leaves the data, meta and index maps under the old one.
     * The collection goes on with the maps it holds, but at the next start the renamed collection
     * would open empty and a new collection under the old name would hold its documents and
     * index entries. So the maps are renamed here, replacing the empty ones.
     */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldNamespace = collection.getFullName();
        String newNamespace = getFullCollectionNamespace(newCollectionName);
        super.moveCollection(oldDatabase, collection, newCollectionName);
        MVStore store = store();
        for (String name : List.copyOf(store.getMapNames())) {
            String renamed = renamedMap(name, oldNamespace, newNamespace);
            if (renamed != null) {
                if (store.hasMap(renamed)) {
                    store.removeMap(renamed);
                }
                MVMap<?, ?> map = name.endsWith(INDEX_SUFFIX) ? store.openMap(name, indexMapBuilder()) : store.openMap(name);
                store.renameMap(map, renamed);
            }
        }
    }

    /** The name {@code map} of collection {@code from} takes when it becomes {@code to}; null if not its map. */
    private static String renamedMap(String map, String from, String to) {
        if (map.equals(DATA_MAP_PREFIX + from)) {
            return DATA_MAP_PREFIX + to;
        }
        if (map.equals(META_MAP_PREFIX + from)) {
            return META_MAP_PREFIX + to;
        }
        if (map.startsWith(from + INDEX_INFIX)) {
            return to + map.substring(from.length());
        }
        return null;
    }

    private static MVMap.Builder<KeyValue, Object> indexMapBuilder() {
        return new MVMap.Builder<KeyValue, Object>().keyType(BsonOrderedKeys.INSTANCE);
    }

    private String mapName(String collectionName, String indexName) {
        return legacyMapName(collectionName, indexName) + INDEX_SUFFIX;
    }

    /** The name mongo-java-server's H2 backend gives an index's map. */
    private String legacyMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
    }
}
