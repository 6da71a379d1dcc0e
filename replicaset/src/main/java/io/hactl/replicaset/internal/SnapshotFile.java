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

    /** One collection as a snapshot holds it: its description, then its documents. */
    private record Part(String db, String coll, Document description, Iterable<Document> documents) {
    }

    /**
     * What a snapshot will hold, fixed at the moment it was planned: every replicated
     * collection's options and indexes, and a frozen view of its documents. Planning is quick
     * (names and indexes, no documents); {@link #write} reads the documents and may run on
     * another thread while the store takes writes. Close it once written.
     */
    static final class Plan implements AutoCloseable {

        private final Document header;
        private final List<Part> parts;
        private final MemberBackend.FrozenView view;

        private Plan(Document header, List<Part> parts, MemberBackend.FrozenView view) {
            this.header = header;
            this.parts = parts;
            this.view = view;
        }

        /**
         * Writes the header, then each collection. Documents are read straight from the frozen
         * maps and written a batch at a time, so the heap holds one batch, not the collection.
         */
        void write(Path file) throws IOException {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                record(out, header);
                for (Part part : parts) {
                    record(out, part.description());
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (Document doc : part.documents()) {
                        batch.add(doc);
                        if (batch.size() == BATCH) {
                            writeBatch(out, part, batch);
                        }
                    }
                    writeBatch(out, part, batch);
                }
            }
        }

        /** Writes the batch as one record, if it holds anything, and empties it. */
        private static void writeBatch(DataOutputStream out, Part part, List<Document> batch) throws IOException {
            if (!batch.isEmpty()) {
                record(out, new Document("db", part.db()).append("coll", part.coll()).append("docs", batch));
                batch.clear();
            }
        }

        @Override
        public void close() {
            view.close();
        }
    }

    /**
     * Plans a snapshot of the store as it is now, {@code header} first. Call it on the thread that
     * writes to the store, between writes ({@link MemberBackend#freeze}).
     */
    static Plan plan(Document header, MemberBackend store, Channel channel) throws IOException {
        MemberBackend.FrozenView view = store.freeze();
        try {
            List<Part> parts = new ArrayList<>();
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
                    Document description = new Document("db", db).append("coll", name).append("options",
                        options instanceof Document o ? o : new Document()).append("indexes", indexes);
                    parts.add(new Part(db, name, description, view.documents(db, name)));
                }
            }
            return new Plan(header, parts, view);
        } catch (IOException | RuntimeException e) {
            view.close();
            throw e;
        }
    }

    /** Writes a snapshot of the store as it is now, in one go: {@link #plan} then {@link Plan#write}. */
    static void write(Path file, Document header, MemberBackend store, Channel channel) throws IOException {
        try (Plan plan = plan(header, store, channel)) {
            plan.write(file);
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
