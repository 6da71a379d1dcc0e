package io.hactl.replicaset.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Makes a write command deterministic on the primary before it is replicated, so that every member
 * applying it gets the same result: missing {@code _id}s (inserts, upserts) are assigned here,
 * {@code $currentDate} is frozen to the primary's clock, and what cannot be frozen
 * ({@code $$NOW}, {@code $$CLUSTER_TIME}, {@code $rand}, {@code $sample}) is refused.
 */
public final class WritePreparer {

    private static final Set<String> SESSION_FIELDS = Set.of("lsid", "txnNumber", "$clusterTime", "$db",
        "$readPreference", "autocommit", "apiVersion", "apiStrict", "apiDeprecationErrors");

    private WritePreparer() {
    }

    /** Refused: the message is for the client. */
    public static final class NonDeterministicException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NonDeterministicException(String message) {
            super(message);
        }
    }

    /**
     * Returns the command to replicate: session fields removed (they travel beside it), ids
     * assigned, time frozen.
     *
     * @throws NonDeterministicException for an operator whose result would differ between members
     */
    public static Document prepare(String command, Document query, Instant now) {
        if (query.containsKey("startTransaction") || Boolean.FALSE.equals(query.get("autocommit"))) {
            throw new NonDeterministicException("multi-document transactions are not supported by this replica set member");
        }
        refuseNonDeterministic(query);
        Document prepared = new Document();
        for (Map.Entry<String, Object> e : query.entrySet()) {
            if (!SESSION_FIELDS.contains(e.getKey())) {
                prepared.put(e.getKey(), e.getValue());
            }
        }
        switch (command.toLowerCase(java.util.Locale.ROOT)) {
            case "insert" -> prepared.put("documents", withIds(prepared.get("documents")));
            case "update" -> prepared.put("updates", updates(prepared.get("updates"), now));
            case "findandmodify" -> {
                Object update = prepared.get("update");
                if (update != null) {
                    prepared.put("update", freezeTime(
                        Boolean.TRUE.equals(prepared.get("upsert")) ? upsertId(prepared.get("query"), update) : update, now));
                }
            }
            default -> {
            }
        }
        return prepared;
    }

    private static List<Object> withIds(Object documents) {
        List<Object> result = new ArrayList<>();
        if (documents instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document d && !d.containsKey("_id")) {
                    Document withId = new Document("_id", new ObjectId());
                    withId.putAll(d);
                    result.add(withId);
                } else {
                    result.add(o);
                }
            }
        }
        return result;
    }

    private static List<Object> updates(Object updates, Instant now) {
        List<Object> result = new ArrayList<>();
        if (updates instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document statement) {
                    Document copy = new Document(statement);
                    Object u = copy.get("u");
                    if (Boolean.TRUE.equals(copy.get("upsert"))) {
                        u = upsertId(copy.get("q"), u);
                    }
                    copy.put("u", freezeTime(u, now));
                    result.add(copy);
                } else {
                    result.add(o);
                }
            }
        }
        return result;
    }

    /** An upsert that would insert without an _id from the filter gets one chosen here. */
    private static Object upsertId(Object filter, Object update) {
        if (filter instanceof Document f && f.containsKey("_id") && !(f.get("_id") instanceof Document)) {
            return update;
        }
        if (!(update instanceof Document u)) {
            throw new NonDeterministicException("an upsert with an aggregation pipeline needs an _id in its filter");
        }
        boolean operators = u.keySet().stream().anyMatch(k -> k.startsWith("$"));
        if (!operators) {
            if (u.containsKey("_id")) {
                return u;
            }
            Document withId = new Document("_id", new ObjectId());
            withId.putAll(u);
            return withId;
        }
        for (String op : List.of("$set", "$setOnInsert")) {
            if (u.get(op) instanceof Document fields && fields.containsKey("_id")) {
                return u;
            }
        }
        Document copy = new Document(u);
        Document onInsert = copy.get("$setOnInsert") instanceof Document d ? new Document(d) : new Document();
        onInsert.put("_id", new ObjectId());
        copy.put("$setOnInsert", onInsert);
        return copy;
    }

    /** Rewrites {@code $currentDate} into {@code $set} with the primary's time. */
    private static Object freezeTime(Object update, Instant now) {
        if (!(update instanceof Document u) || !(u.get("$currentDate") instanceof Document fields)) {
            return update;
        }
        Document copy = new Document(u);
        copy.remove("$currentDate");
        Document set = copy.get("$set") instanceof Document d ? new Document(d) : new Document();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            boolean timestamp = field.getValue() instanceof Document spec && "timestamp".equals(spec.get("$type"));
            set.put(field.getKey(), timestamp ? new BsonTimestamp(now, 1) : now);
        }
        copy.put("$set", set);
        return copy;
    }

    private static void refuseNonDeterministic(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("$rand") || key.equals("$sample")) {
                    throw new NonDeterministicException(key + " is not allowed in a replicated write: members would disagree");
                }
                refuseNonDeterministic(e.getValue());
            }
        } else if (value instanceof List<?> list) {
            list.forEach(WritePreparer::refuseNonDeterministic);
        } else if (value instanceof String s && (s.equals("$$NOW") || s.equals("$$CLUSTER_TIME"))) {
            throw new NonDeterministicException(s + " is not allowed in a replicated write: members would disagree;"
                + " pass the time as a value");
        }
    }
}
