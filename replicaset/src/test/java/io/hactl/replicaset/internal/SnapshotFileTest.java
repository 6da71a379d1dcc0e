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

    private List<Document> all(MemberBackend store, String db, String collection) {
        List<Document> result = new ArrayList<>();
        store.documents(db, collection).forEach(result::add);
        result.sort((a, b) -> Integer.compare(a.get("_id").hashCode(), b.get("_id").hashCode()));
        return result;
    }

    private List<String> collections(MemberBackend store, String db) {
        Document cursor = (Document) run(store, db, new Document("listCollections", 1)).get("cursor");
        return ((List<?>) cursor.get("firstBatch")).stream().map(c -> ((Document) c).get("name").toString()).toList();
    }
}
