package io.hactl.replicaset.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

class RetryableWritesTest {

    private final MVStore store = MVStore.open(null);
    private final RetryableWrites table = new RetryableWrites(store.openMap("sessions"));
    private final AtomicInteger applied = new AtomicInteger();

    private Document write() {
        return new Document("n", applied.incrementAndGet()).append("ok", 1.0);
    }

    @Test
    void aRetriedWriteGetsTheFirstReplyAndIsNotAppliedAgain() {
        Document first = table.apply("session-a", 1L, this::write);
        Document retry = table.apply("session-a", 1L, this::write);
        assertThat(applied.get()).isEqualTo(1);
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void newTransactionNumbersAndOtherSessionsApplyAndOldOnesAreRefused() {
        table.apply("session-a", 1L, this::write);
        table.apply("session-a", 2L, this::write);
        table.apply("session-b", 1L, this::write);
        assertThat(applied.get()).isEqualTo(3);
        Document stale = table.apply("session-a", 1L, this::write);
        assertThat(stale.get("code")).isEqualTo(RetryableWrites.TRANSACTION_TOO_OLD);
        assertThat(applied.get()).isEqualTo(3);
    }

    @Test
    void writesWithoutASessionAreAlwaysApplied() {
        table.apply(null, null, this::write);
        table.apply(null, null, this::write);
        assertThat(applied.get()).isEqualTo(2);
    }

    @Test
    void theTableSurvivesASnapshotRoundTrip() {
        table.apply("session-a", 4L, this::write);
        RetryableWrites restored = new RetryableWrites(store.openMap("restored"));
        restored.restore(table.dump());
        restored.apply("session-a", 4L, this::write);
        assertThat(applied.get()).isEqualTo(1);
    }
}
