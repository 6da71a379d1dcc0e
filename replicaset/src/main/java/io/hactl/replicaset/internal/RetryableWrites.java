package io.hactl.replicaset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The replicated table of retryable writes: for each logical session, the highest transaction
 * number applied and its reply. A retried write (same session and transaction number), e.g. after
 * a failover lost the first reply, gets the stored reply instead of being applied twice. As with
 * mongod, only the latest transaction of a session is remembered.
 */
final class RetryableWrites {

    static final int TRANSACTION_TOO_OLD = 225;

    private final MVMap<String, byte[]> sessions;

    RetryableWrites(MVMap<String, byte[]> sessions) {
        this.sessions = sessions;
    }

    Document apply(Object session, Object txnNumber, Supplier<Document> write) {
        if (!(session instanceof String key) || !(txnNumber instanceof Number txn)) {
            return write.get();
        }
        byte[] previous = sessions.get(key);
        if (previous != null) {
            Document entry = BsonCodec.decode(previous);
            long seen = ((Number) entry.get("t")).longValue();
            if (seen == txn.longValue()) {
                return (Document) entry.get("r");
            }
            if (seen > txn.longValue()) {
                return Replies.error(TRANSACTION_TOO_OLD, "TransactionTooOld", "cannot run write with txnNumber "
                    + txn + " for session " + key + ": txnNumber " + seen + " has already started");
            }
        }
        Document reply = write.get();
        sessions.put(key, BsonCodec.encode(new Document("t", txn.longValue()).append("r", reply)));
        return reply;
    }

    List<Document> dump() {
        List<Document> all = new ArrayList<>();
        sessions.forEach((k, v) -> all.add(new Document("k", k).append("v", BsonCodec.decode(v))));
        return all;
    }

    void restore(Object dumped) {
        sessions.clear();
        if (dumped instanceof List<?> list) {
            for (Object o : list) {
                Document d = (Document) o;
                sessions.put(d.get("k").toString(), BsonCodec.encode((Document) d.get("v")));
            }
        }
    }
}
