package io.hactl.replicaset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's H2 collection, except that an update works on copies of the stored
 * documents while {@code copying} holds. An update changes the document it read in place before
 * storing it again, and a document object read from the map may also belong to an older version
 * of the map that a snapshot is reading on another thread ({@link MemberBackend#freeze}); a copy
 * keeps that version as it was. Reads hand out the stored documents as always: nothing changes
 * what a read returns.
 */
final class MemberCollection extends H2Collection {

    private final BooleanSupplier copying;
    /** Inside an update; guarded by this collection's monitor, as every operation on it is. */
    private boolean updating;

    MemberCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                     MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors,
                     BooleanSupplier copying) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
        this.copying = copying;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    private boolean copy() {
        return updating && copying.getAsBoolean();
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored != null && copy() ? stored.cloneDeeply() : stored;
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        Stream<DocumentWithPosition<Object>> stored = super.streamAllDocumentsWithPosition();
        return copy() ? stored.map(d -> new DocumentWithPosition<>(d.getDocument().cloneDeeply(), d.getPosition())) : stored;
    }

    /** Copies what matched only: a scan reads every document but an update changes few. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        QueryResult stored = super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!copy()) {
            return stored;
        }
        List<Document> copies = new ArrayList<>();
        for (Document document : stored) {
            copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, stored.getCursorId());
    }
}
