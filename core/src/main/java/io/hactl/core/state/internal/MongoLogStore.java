package io.hactl.core.state.internal;


import static io.hactl.core.state.internal.Errors.call;

import static io.hactl.core.state.internal.LogQueries.ENTITY;
import static io.hactl.core.state.internal.LogQueries.FIRST_SEQ;
import static io.hactl.core.state.internal.LogQueries.FIRST_TIME;
import static io.hactl.core.state.internal.LogQueries.LAST_SEQ;
import static io.hactl.core.state.internal.LogQueries.LAST_TIME;
import static io.hactl.core.state.internal.LogQueries.SIZE;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogPosition;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogSlice;
import io.hactl.core.logs.LogStore;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link LogStore} over the {@code logs} collection of the state database. Being in the replica
 * set, the log reaches every controller, and a controller added later catches up from a snapshot
 * and the replicated log like any other data. Records are stored in chunks, one per agent batch
 * ({@link LogChunks}), whose {@code _id} is {@code entity/firstSeq}: a resent batch is a
 * duplicate key and is skipped.
 */
public final class MongoLogStore implements LogStore {

  static final String COLLECTION = "logs";
  static final String META_COLLECTION = "logs.meta";
  /** Pruning leaves this share of the allowed size, so that it does not run on every append. */
  private static final double PRUNE_TO = 0.9;

  private static final Comparator<LogRecord> TIME_ORDER = Comparator
      .comparing(LogRecord::time).thenComparing(LogRecord::entity)
      .thenComparingLong(LogRecord::seq);

  private final MongoClient client;
  private final MongoCollection<Document> logs;
  private final MongoCollection<Document> meta;

  MongoLogStore(MongoClient client, ReadPreference readPreference) {
    this.client = client;
    var db = client.getDatabase(MongoStateStore.DATABASE)
        .withWriteConcern(WriteConcern.MAJORITY)
        .withReadPreference(readPreference);
    this.logs = db.getCollection(COLLECTION);
    this.meta = db.getCollection(META_COLLECTION);
  }

  /** A store that writes through the replica set's primary, following failovers. */
  public static MongoLogStore connect(StateEndpoint endpoint) {
    return new MongoLogStore(MongoClients.create(MongoStateStore.settings(endpoint)),
        ReadPreference.primary());
  }

  /**
   * A store that reads from the one member at {@code address}, whichever its role: a
   * secondary's copy of the log is as good as the primary's for reading.
   */
  public static MongoLogStore connectMember(String address, Duration timeout,
      StateCredentials credentials) {
    long ms = timeout.toMillis();
    MongoClientSettings.Builder settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(
            "mongodb://" + address + "/?directConnection=true"))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
        .applyToServerSettings(b -> b.heartbeatFrequency(500, TimeUnit.MILLISECONDS)
            .minHeartbeatFrequency(100, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) ms, TimeUnit.MILLISECONDS)
            .readTimeout((int) Math.max(ms, 5000), TimeUnit.MILLISECONDS))
        .retryReads(false);
    Authentication.apply(settings, List.of(address), credentials);
    return new MongoLogStore(MongoClients.create(settings.build()), ReadPreference.nearest());
  }

  @Override
  public void append(List<LogRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    call("store " + records.size() + " log records", () -> {
      try {
        logs.insertMany(LogChunks.toChunks(records), new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        // A chunk stored by an earlier, unacknowledged attempt is a duplicate: that is success.
        for (BulkWriteError error : e.getWriteErrors()) {
          if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
        }
        if (e.getWriteConcernError() != null) {
          throw e;
        }
      }
      return null;
    });
  }

  @Override
  public long lastSeq(String entity) {
    return call("read the last log record of " + entity, () -> {
      Document last = logs.find(Filters.eq(ENTITY, entity)).sort(Sorts.descending(LAST_SEQ))
          .projection(Projections.include(LAST_SEQ)).limit(1).first();
      return last == null ? -1L : ((Number) last.get(LAST_SEQ)).longValue();
    });
  }

  @Override
  public LogPosition head() {
    return call("read the log's head", () -> {
      Map<String, Long> last = new HashMap<>();
      logs.aggregate(List.of(Aggregates.group("$" + ENTITY,
              Accumulators.max("last", "$" + LAST_SEQ))))
          .forEach(d -> {
            // A document that is no chunk (written by hand, or by an older hactl) has no s1.
            if (d.get("_id") instanceof String entity && d.get("last") instanceof Number seq) {
              last.put(entity, seq.longValue());
            }
          });
      return new LogPosition(last);
    });
  }

  @Override
  public List<LogRecord> newest(LogFilter filter, LogPosition upTo, int count) {
    return call("read the newest log records", () -> {
      // Chunks newest-last-record first; once the count is met and a chunk ends before the
      // oldest record kept, no later chunk can hold a newer one.
      TreeSet<LogRecord> kept = new TreeSet<>(TIME_ORDER);
      if (count == 0) {
        return List.<LogRecord>of();
      }
      for (Document chunk : logs.find(where(filter, LogQueries.coveredBy(upTo)))
          .sort(Sorts.descending(LAST_TIME))) {
        if (kept.size() >= count
            && chunk.getDate(LAST_TIME).toInstant().isBefore(kept.first().time())) {
          break;
        }
        for (LogRecord r : LogChunks.records(chunk)) {
          if (upTo.covers(r) && filter.matches(r)) {
            kept.add(r);
            if (kept.size() > count) {
              kept.pollFirst();
            }
          }
        }
      }
      return List.copyOf(kept);
    });
  }

  @Override
  public List<LogRecord> page(LogFilter filter, LogPosition upTo, LogRecord after, int limit) {
    return call("read log records", () -> {
      List<Bson> clauses = LogQueries.entities(filter);
      clauses.add(LogQueries.coveredBy(upTo));
      if (after != null) {
        clauses.add(Filters.gte(LAST_TIME, Date.from(after.time())));
      }
      // Chunks by their first record's time; once the page is full and a chunk starts after its
      // newest record, no later chunk can hold an earlier one.
      TreeSet<LogRecord> kept = new TreeSet<>(TIME_ORDER);
      for (Document chunk : logs.find(LogQueries.and(clauses)).sort(Sorts.ascending(FIRST_TIME))) {
        if (kept.size() >= limit
            && chunk.getDate(FIRST_TIME).toInstant().isAfter(kept.last().time())) {
          break;
        }
        for (LogRecord r : LogChunks.records(chunk)) {
          if (upTo.covers(r) && filter.matches(r)
              && (after == null || TIME_ORDER.compare(r, after) > 0)) {
            kept.add(r);
            if (kept.size() > limit) {
              kept.pollLast();
            }
          }
        }
      }
      return List.copyOf(kept);
    });
  }

  @Override
  public LogSlice beyond(LogFilter filter, LogPosition position, int limit) {
    return call("read new log records", () -> {
      List<LogRecord> matching = new ArrayList<>();
      Map<String, Long> reached = new HashMap<>(position.lastSeq());
      for (Document chunk : logs.find(LogQueries.and(withAll(LogQueries.entities(filter),
          LogQueries.beyond(position)))).sort(Sorts.ascending(ENTITY, FIRST_SEQ))) {
        if (matching.size() >= limit) {
          break;
        }
        // A whole chunk at a time, so the position never stops inside one.
        for (LogRecord r : LogChunks.records(chunk)) {
          if (!position.covers(r)) {
            reached.merge(r.entity(), r.seq(), Math::max);
            if (filter.matches(r)) {
              matching.add(r);
            }
          }
        }
      }
      return new LogSlice(matching, new LogPosition(reached));
    });
  }

  @Override
  public Optional<Instant> prune(long maxBytes) {
    return call("prune the log", () -> {
      Document total = logs.aggregate(List.of(
          Aggregates.group(null, Accumulators.sum("bytes", "$" + SIZE)))).first();
      long bytes = total == null ? 0 : ((Number) total.get("bytes")).longValue();
      if (bytes <= maxBytes) {
        return Optional.<Instant>empty();
      }
      long toRemove = bytes - (long) (maxBytes * PRUNE_TO);
      long removed = 0;
      Date cutoff = null;
      // Whole chunks, oldest last record first: every record before the cutoff is gone.
      for (Document d : logs.find().sort(Sorts.ascending(LAST_TIME))
          .projection(Projections.include(LAST_TIME, SIZE))) {
        Date t = d.getDate(LAST_TIME);
        if (removed >= toRemove && t.after(cutoff)) {
          break;
        }
        removed += ((Number) d.get(SIZE)).longValue();
        cutoff = t;
      }
      Date before = new Date(cutoff.getTime() + 1);
      logs.deleteMany(Filters.lt(LAST_TIME, before));
      meta.replaceOne(Filters.eq("_id", "pruned"),
          new Document("_id", "pruned").append("before", before), new ReplaceOptions().upsert(true));
      return Optional.of(before.toInstant());
    });
  }

  @Override
  public Optional<Instant> prunedBefore() {
    return call("read the log's pruning time", () -> Optional
        .ofNullable(meta.find(Filters.eq("_id", "pruned")).first())
        .map(d -> d.getDate("before").toInstant()));
  }

  private static Bson where(LogFilter filter, Bson position) {
    return LogQueries.and(withAll(LogQueries.entities(filter), position));
  }

  private static List<Bson> withAll(List<Bson> clauses, Bson more) {
    List<Bson> all = new ArrayList<>(clauses);
    all.add(more);
    return all;
  }

  @Override
  public void close() {
    client.close();
  }
}
