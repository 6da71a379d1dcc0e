package io.hactl.replicaset.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * A snapshot of the replicated state as a stream of length-prefixed BSON records: a header (the
 * term/index it reflects, the replica-set configuration, the retryable-write table), then for
 * each collection its options and indexes followed by its documents in batches. It is what a new
 * member installs for its initial sync, and what lets the Raft log be truncated.
 */
final class SnapshotFile {

    private static final int BATCH = 500;
    private static final Set<String> NOT_REPLICATED = Set.of("local");

    private SnapshotFile() {
    }

    /**
     * Writes the store's replicated databases, after {@code header}, to {@code file}. Documents
     * are read straight from each collection's map and written a batch at a time, so the heap
     * holds one batch, not the collection (a query cursor would hold every remaining document).
     */
    static void write(Path file, Document header, MemberBackend store, Channel channel) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            record(out, header);
            for (String db : databases(store, channel)) {
                for (Document coll : list(store, channel, db, new Document("listCollections", 1))) {
                    String name = coll.get("name").toString();
                    List<Document> indexes = new ArrayList<>();
                    for (Document index : list(store, channel, db, new Document("listIndexes", name))) {
                        if (!"_id_".equals(index.get("name"))) {
                            index.remove("v");
                            index.remove("ns");
                            indexes.add(index);
                        }
                    }
                    Object options = coll.get("options");
                    record(out, new Document("db", db).append("coll", name).append("options",
                        options instanceof Document o ? o : new Document()).append("indexes", indexes));
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (Document doc : store.documents(db, name)) {
                        batch.add(doc);
                        if (batch.size() == BATCH) {
                            record(out, new Document("db", db).append("coll", name).append("docs", batch));
                            batch.clear();
                        }
                    }
                    if (!batch.isEmpty()) {
                        record(out, new Document("db", db).append("coll", name).append("docs", batch));
                    }
                }
            }
        }
    }

    /** Replaces the store's replicated databases with the snapshot's; returns the header. */
    static Document load(Path file, MemberBackend store, Channel channel) throws IOException {
        for (String db : databases(store, channel)) {
            store.dropDatabase(db);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            Document header = next(in);
            if (header == null) {
                throw new IOException("snapshot " + file + " is empty");
            }
            for (Document rec; (rec = next(in)) != null; ) {
                String db = rec.get("db").toString();
                String coll = rec.get("coll").toString();
                Document reply;
                if (rec.containsKey("docs")) {
                    reply = store.execute(channel, db, "insert", new Document("insert", coll).append("documents", rec.get("docs"))
                        .append("ordered", true));
                } else {
                    Document create = new Document("create", coll);
                    create.putAll((Document) rec.get("options"));
                    reply = store.execute(channel, db, "create", create);
                    if (Replies.isOk(reply) && !((List<?>) rec.get("indexes")).isEmpty()) {
                        reply = store.execute(channel, db, "createIndexes",
                            new Document("createIndexes", coll).append("indexes", rec.get("indexes")));
                    }
                }
                if (!Replies.isOk(reply) || reply.get("writeErrors") != null) {
                    throw new IOException("cannot load snapshot " + file + " into " + db + "." + coll + ": " + reply);
                }
            }
            return header;
        }
    }

    private static List<String> databases(MemberBackend store, Channel channel) {
        Document reply = store.execute(channel, "admin", "listDatabases", new Document("listDatabases", 1));
        List<String> names = new ArrayList<>();
        if (reply.get("databases") instanceof List<?> dbs) {
            for (Object db : dbs) {
                String name = ((Map<?, ?>) db).get("name").toString();
                if (!NOT_REPLICATED.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Runs a cursor command and drains its cursor. */
    private static List<Document> list(MemberBackend store, Channel channel, String db, Document command) throws IOException {
        String name = command.keySet().iterator().next();
        Document reply = store.execute(channel, db, name, command);
        if (!Replies.isOk(reply)) {
            throw new IOException("cannot snapshot " + db + ": " + name + " failed: " + reply.get("errmsg"));
        }
        List<Document> all = new ArrayList<>();
        Document cursor = (Document) reply.get("cursor");
        addAll(all, cursor.get("firstBatch"));
        long id = ((Number) cursor.get("id")).longValue();
        String collection = cursor.get("ns").toString().substring(db.length() + 1);
        while (id != 0) {
            Document more = store.execute(channel, db, "getMore", new Document("getMore", id).append("collection", collection)
                .append("batchSize", BATCH));
            if (!Replies.isOk(more)) {
                throw new IOException("cannot snapshot " + db + ": getMore failed: " + more.get("errmsg"));
            }
            Document c = (Document) more.get("cursor");
            addAll(all, c.get("nextBatch"));
            id = ((Number) c.get("id")).longValue();
        }
        return all;
    }

    private static void addAll(List<Document> into, Object batch) {
        for (Object o : (List<?>) batch) {
            into.add((Document) o);
        }
    }

    private static void record(DataOutputStream out, Document doc) throws IOException {
        byte[] bytes = BsonCodec.encode(doc);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Document next(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return BsonCodec.decode(bytes);
    }
}
