package io.hactl.replicaset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

class WritePreparerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void assignsIdsToInsertedDocumentsThatLackOneAndKeepsGivenIds() {
        Document insert = new Document("insert", "c").append("documents",
            List.of(new Document("a", 1), new Document("_id", 7).append("a", 2)));
        Document prepared = WritePreparer.prepare("insert", insert, NOW);
        List<?> docs = (List<?>) prepared.get("documents");
        assertThat(((Document) docs.get(0)).get("_id")).isInstanceOf(ObjectId.class);
        assertThat(((Document) docs.get(0)).keySet()).containsExactly("_id", "a");
        assertThat(((Document) docs.get(1)).get("_id")).isEqualTo(7);
    }

    @Test
    void removesSessionFieldsSoTheyTravelBesideTheCommand() {
        Document insert = new Document("insert", "c").append("documents", List.of(new Document("_id", 1)))
            .append("lsid", new Document("id", "x")).append("txnNumber", 3L).append("$db", "app")
            .append("$clusterTime", new Document());
        assertThat(WritePreparer.prepare("insert", insert, NOW).keySet()).containsExactly("insert", "documents");
    }

    @Test
    void upsertsWithoutAnIdInTheFilterGetOneOnInsert() {
        Document update = new Document("update", "c").append("updates", List.of(
            new Document("q", new Document("name", "a")).append("u", new Document("$inc", new Document("n", 1)))
                .append("upsert", true),
            new Document("q", new Document("_id", 5)).append("u", new Document("$inc", new Document("n", 1)))
                .append("upsert", true),
            new Document("q", new Document("name", "b")).append("u", new Document("name", "b")).append("upsert", true)));
        List<?> updates = (List<?>) WritePreparer.prepare("update", update, NOW).get("updates");
        Document operatorStyle = (Document) ((Document) updates.get(0)).get("u");
        assertThat(((Document) operatorStyle.get("$setOnInsert")).get("_id")).isInstanceOf(ObjectId.class);
        assertThat((Document) ((Document) updates.get(1)).get("u")).doesNotContainKey("$setOnInsert");
        assertThat(((Document) ((Document) updates.get(2)).get("u")).get("_id")).isInstanceOf(ObjectId.class);
    }

    @Test
    void freezesCurrentDateToThePrimarysClock() {
        Document update = new Document("update", "c").append("updates", List.of(new Document("q", new Document("_id", 1))
            .append("u", new Document("$currentDate", new Document("at", true).append("ts", new Document("$type", "timestamp")))
                .append("$set", new Document("x", 1)))));
        Document u = (Document) ((Document) ((List<?>) WritePreparer.prepare("update", update, NOW).get("updates")).get(0)).get("u");
        assertThat(u).doesNotContainKey("$currentDate");
        Document set = (Document) u.get("$set");
        assertThat(set.get("x")).isEqualTo(1);
        assertThat(set.get("at")).isEqualTo(NOW);
        assertThat(set.get("ts")).isInstanceOf(BsonTimestamp.class);
    }

    @Test
    void refusesWhatMembersCouldNotAgreeOn() {
        Document now = new Document("update", "c").append("updates", List.of(new Document("q", new Document())
            .append("u", List.of(new Document("$set", new Document("at", "$$NOW"))))));
        assertThatThrownBy(() -> WritePreparer.prepare("update", now, NOW)).hasMessageContaining("$$NOW");
        Document rand = new Document("aggregate", "c").append("pipeline", List.of(new Document("$sample", new Document("size", 1)),
            new Document("$out", "d")));
        assertThatThrownBy(() -> WritePreparer.prepare("aggregate", rand, NOW)).hasMessageContaining("$sample");
        Document txn = new Document("insert", "c").append("startTransaction", true).append("autocommit", false);
        assertThatThrownBy(() -> WritePreparer.prepare("insert", txn, NOW)).hasMessageContaining("transactions");
    }
}
