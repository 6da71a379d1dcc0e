package io.hactl.replicaset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

class MemberDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void uniqueIndexesRejectDuplicatesAndFindByKeyBeforeAndAfterReopening() {
        Path file = dir.resolve("data.mv");
        withMember(file, docs -> {
            docs.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                docs.insertOne(new Document("_id", i).append("name", "n" + i));
            }
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 7))).isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 7.0))).isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 1000).append("name", "n3")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(docs.find(new Document("_id", 321)).first()).containsEntry("name", "n321");
            assertThat(docs.find(new Document("name", "n42")).first()).containsEntry("_id", 42);
            return null;
        });
        withMember(file, docs -> {
            // Reopened (a restarted member): the indexes are read back in the same order.
            assertThat(docs.find(new Document("_id", 499)).first()).containsEntry("name", "n499");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 250))).isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
            return null;
        });
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(store.getMapNames()).contains("app.docs._index__id_.bson", "app.docs._index_name_1.bson")
                .doesNotContain("app.docs._index__id_", "app.docs._index_name_1");
        }
    }

    @Test
    void indexesWrittenByMongoJavaServersOwnBackendAreCarriedOverOnceAndKeepTheirKeys() {
        Path file = dir.resolve("data.mv");
        with(new H2Backend(file.toString()), docs -> {
            docs.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                docs.insertOne(new Document("_id", i).append("name", "n" + i));
            }
            return null;
        });
        withMember(file, docs -> {
            assertThat(docs.countDocuments()).isEqualTo(300);
            assertThat(docs.find(new Document("_id", 299)).first()).containsEntry("name", "n299");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 12))).isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", 5000).append("name", "n12")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            docs.insertOne(new Document("_id", 300).append("name", "n300"));
            return null;
        });
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(store.getMapNames()).contains("app.docs._index__id_.bson").doesNotContain("app.docs._index__id_");
        }
    }

    @Test
    void documentsOfEveryCommonTypeReadBackUnchangedAfterReopening() {
        Path file = dir.resolve("data.mv");
        Document rich = new Document("_id", new ObjectId())
            .append("text", "héllo").append("int", 42).append("long", 1L << 40).append("double", 2.5)
            .append("decimal", new Decimal128(new BigDecimal("12.345"))).append("flag", true).append("none", null)
            .append("when", new Date(1_700_000_000_000L)).append("bytes", new Binary(new byte[] {1, 2, 3}))
            .append("list", List.of(1, "two", new Document("three", 3))).append("nested", new Document("a", new Document("b", 1)))
            .append("ts", new BsonTimestamp(1_700_000_000, 7));
        withMember(file, docs -> {
            docs.insertOne(rich);
            return null;
        });
        withMember(file, docs -> {
            assertThat(docs.find().first()).isEqualTo(rich);
            return null;
        });
    }

    @Test
    void documentsWrittenByMongoJavaServersOwnBackendStillReadAlongsideNewOnes() {
        Path file = dir.resolve("data.mv");
        with(new H2Backend(file.toString()), docs -> {
            for (int i = 0; i < 200; i++) {
                docs.insertOne(new Document("_id", new ObjectId()).append("n", i).append("old", true));
            }
            return null;
        });
        withMember(file, docs -> {
            assertThat(docs.countDocuments(new Document("old", true))).isEqualTo(200);
            for (int i = 200; i < 400; i++) {
                docs.insertOne(new Document("_id", new ObjectId()).append("n", i));
            }
            docs.updateOne(new Document("n", 5), new Document("$set", new Document("touched", true)));
            return null;
        });
        withMember(file, docs -> {
            // Natural order is the order of the ids (H2's key order), old and new alike.
            List<Integer> order = docs.find().map(d -> d.getInteger("n")).into(new ArrayList<>());
            assertThat(order).hasSize(400).isSorted();
            assertThat(docs.find(new Document("n", 5)).first()).containsEntry("touched", true).containsEntry("old", true);
            return null;
        });
    }

    @Test
    void droppingAnIndexRemovesItsMap() {
        Path file = dir.resolve("data.mv");
        withMember(file, docs -> {
            docs.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", 1).append("name", "a"));
            docs.dropIndex("name_1");
            docs.insertOne(new Document("_id", 2).append("name", "a"));
            return null;
        });
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(store.getMapNames()).doesNotContain("app.docs._index_name_1.bson");
        }
    }

    /**
     * mongo-java-server's H2 backend left a renamed collection's maps under the old name: after a
     * restart the renamed collection was empty, and a new collection under the old name held its
     * documents and index entries (and refused keys it did not hold before that).
     */
    @Test
    void aRenamedCollectionKeepsItsDocumentsAndUniqueIndexAndANewOneUnderTheOldNameStartsEmpty() {
        Path file = dir.resolve("data.mv");
        withMember(file, docs -> {
            docs.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", 1).append("name", "a"));
            docs.renameCollection(new MongoNamespace("app", "old"));
            docs.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            docs.insertOne(new Document("_id", 1).append("name", "a").append("new", true));
            return null;
        });
        withMember(file, "old", old -> {
            assertThat(old.find().into(new ArrayList<>())).containsExactly(new Document("_id", 1).append("name", "a"));
            assertThat(old.find(new Document("name", "a")).first()).containsEntry("_id", 1);
            assertThatThrownBy(() -> old.insertOne(new Document("_id", 2).append("name", "a")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            return null;
        });
        withMember(file, docs -> {
            assertThat(docs.find().into(new ArrayList<>()))
                .containsExactly(new Document("_id", 1).append("name", "a").append("new", true));
            assertThat(docs.find(new Document("name", "a")).first()).containsEntry("new", true);
            return null;
        });
    }

    @Test
    void keysCompareAsBsonValuesWithEqualNumbersEqual() {
        BsonOrderedKeys keys = BsonOrderedKeys.INSTANCE;
        assertThat(keys.compare(new KeyValue(1), new KeyValue(1.0))).isZero();
        assertThat(keys.compare(new KeyValue(2), new KeyValue(10L))).isNegative();
        assertThat(keys.compare(new KeyValue("b"), new KeyValue("a"))).isPositive();
        assertThat(keys.compare(new KeyValue(5), new KeyValue("a"))).isNegative();
        assertThat(keys.compare(new KeyValue(1, "a"), new KeyValue(1, "b"))).isNegative();
        assertThat(keys.compare(new KeyValue(1), new KeyValue(1, "a"))).isNegative();
        assertThat(keys.compare(new KeyValue(List.of(1, 2)), new KeyValue(List.of(1, 3)))).isNegative();
    }

    private static void withMember(Path file, Function<MongoCollection<Document>, Void> body) {
        withMember(file, "docs", body);
    }

    private static void withMember(Path file, String collection, Function<MongoCollection<Document>, Void> body) {
        MemberBackend member = new MemberBackend(file.toString());
        member.setFront(member::execute);
        with(member, collection, body);
    }

    private static void with(MongoBackend backend, Function<MongoCollection<Document>, Void> body) {
        with(backend, "docs", body);
    }

    private static void with(MongoBackend backend, String collection, Function<MongoCollection<Document>, Void> body) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                body.apply(client.getDatabase("app").getCollection(collection));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
