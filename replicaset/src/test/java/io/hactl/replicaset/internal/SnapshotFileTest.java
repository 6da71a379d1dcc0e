package io.hactl.replicaset.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;

/** A snapshot written from one store and loaded into another gives the same replicated data. */
class SnapshotFileTest {

    @TempDir
    Path dir;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<MemberBackend> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(MemberBackend::close);
    }

    private MemberBackend store(String name) {
        MemberBackend store = new MemberBackend(dir.resolve(name).toString());
        stores.add(store);
        return store;
    }

    private Document run(MemberBackend store, String db, Document command) {
        Document reply = store.execute(channel, db, command.keySet().iterator().next(), command);
        assertThat(reply.get("ok")).as(reply.toString()).isEqualTo(1.0);
        return reply;
    }

    @Test
    void aLoadedSnapshotHoldsEveryReplicatedDocumentAndIndexButNotTheLocalDatabase() throws Exception {
        MemberBackend source = store("source.mv");
        // More documents than one snapshot batch, so batches are written and read back in turn.
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            docs.add(new Document("_id", i).append("name", "n" + i)
                .append("nested", new Document("list", List.of(i, "x", new Document("deep", i % 7)))));
        }
        run(source, "app", new Document("insert", "docs").append("documents", docs));
        run(source, "app", new Document("createIndexes", "docs").append("indexes",
            List.of(new Document("key", new Document("name", 1)).append("name", "name_1").append("unique", true))));
        run(source, "app", new Document("update", "docs").append("updates",
            List.of(new Document("q", new Document("_id", 5)).append("u", new Document("$set", new Document("name", "five"))))));
        run(source, "other", new Document("insert", "things").append("documents", List.of(new Document("_id", "a"))));
        run(source, "local", new Document("insert", "startup_log").append("documents", List.of(new Document("_id", 1))));

        Path file = dir.resolve("snapshot");
        SnapshotFile.write(file, new Document("format", 1).append("index", 42L), source, channel);
        MemberBackend target = store("target.mv");
        run(target, "app", new Document("insert", "stale").append("documents", List.of(new Document("_id", 1))));
        Document header = SnapshotFile.load(file, target, channel);

        assertThat(header.get("index")).isEqualTo(42L);
        assertThat(all(target, "app", "docs")).isEqualTo(all(source, "app", "docs")).hasSize(1234);
        assertThat(all(target, "app", "docs").get(5).get("name")).isEqualTo("five");
        assertThat(all(target, "other", "things")).containsExactly(new Document("_id", "a"));
        // What the snapshot did not hold is gone; the local database is never part of one.
        assertThat(collections(target, "app")).containsExactlyInAnyOrder("docs");
        assertThat(collections(target, "local")).isEmpty();
        // The unique index came along and still refuses duplicates.
        Document duplicate = target.execute(channel, "app", "insert", new Document("insert", "docs")
            .append("documents", List.of(new Document("_id", 9999).append("name", "n7"))));
        assertThat(duplicate.get("writeErrors").toString()).contains("duplicate key");
    }

    /**
     * A snapshot is planned on the applying thread and written on another while writes go on:
     * it must hold the store as it was when planned. Updates are the hard part, because
     * mongo-java-server changes the document it read in place before storing it again.
     */
    @Test
    void aPlannedSnapshotHoldsTheStoreAsPlannedWhateverIsWrittenBeforeItIsWritten() throws Exception {
        MemberBackend source = store("source.mv");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            docs.add(new Document("_id", i).append("n", 0).append("nested", new Document("seen", List.of("planned"))));
        }
        run(source, "app", new Document("insert", "docs").append("documents", docs));
        run(source, "app", new Document("insert", "gone").append("documents", List.of(new Document("_id", "kept"))));
        source.commit();

        SnapshotFile.Plan plan = SnapshotFile.plan(new Document("format", 1), source, channel);
        run(source, "app", new Document("findAndModify", "docs").append("query", new Document("_id", 20))
            .append("update", new Document("$inc", new Document("n", 5))));
        run(source, "app", new Document("update", "docs").append("updates", List.of(new Document("q", new Document())
            .append("u", new Document("$inc", new Document("n", 1)).append("$push", new Document("nested.seen", "later")))
            .append("multi", true))));
        run(source, "app", new Document("update", "docs").append("updates", List.of(new Document("q", new Document("_id", 17))
            .append("u", new Document("$set", new Document("n", 70))))));
        run(source, "app", new Document("delete", "docs").append("deletes",
            List.of(new Document("q", new Document("_id", new Document("$lt", 10))).append("limit", 0))));
        run(source, "app", new Document("insert", "docs").append("documents", List.of(new Document("_id", "new"))));
        run(source, "app", new Document("drop", "gone"));
        run(source, "app", new Document("insert", "created").append("documents", List.of(new Document("_id", 1))));
        source.commit();
        Path file = dir.resolve("snapshot");
        try (plan) {
            plan.write(file);
        }

        MemberBackend target = store("target.mv");
        SnapshotFile.load(file, target, channel);
        List<Document> loaded = all(target, "app", "docs");
        assertThat(loaded).hasSize(1234);
        assertThat(loaded).allSatisfy(d -> {
            assertThat(d.get("n")).as(d.toString()).isEqualTo(0);
            assertThat(d.get("nested")).as(d.toString()).isEqualTo(new Document("seen", List.of("planned")));
        });
        assertThat(all(target, "app", "gone")).containsExactly(new Document("_id", "kept"));
        assertThat(collections(target, "app")).containsExactlyInAnyOrder("docs", "gone");
        // The source went on as written, and hands out stored documents again, not copies.
        assertThat(all(source, "app", "docs")).hasSize(1234 - 10 + 1);
        assertThat(run(source, "app", new Document("find", "docs").append("filter", new Document("_id", 17))).toString())
            .contains("\"n\" : 70");
    }

    private List<Document> all(MemberBackend store, String db, String collection) {
        List<Document> result = new ArrayList<>();
        try (MemberBackend.FrozenView now = store.freeze()) {
            now.documents(db, collection).forEach(result::add);
        }
        result.sort((a, b) -> Integer.compare(a.get("_id").hashCode(), b.get("_id").hashCode()));
        return result;
    }

    private List<String> collections(MemberBackend store, String db) {
        Document cursor = (Document) run(store, db, new Document("listCollections", 1)).get("cursor");
        return ((List<?>) cursor.get("firstBatch")).stream().map(c -> ((Document) c).get("name").toString()).toList();
    }
}
