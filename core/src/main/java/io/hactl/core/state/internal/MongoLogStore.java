package io.hactl.core.state.internal;

import static io.hactl.core.state.internal.LogQueries.ENTITY;
import static io.hactl.core.state.internal.LogQueries.LEVEL;
import static io.hactl.core.state.internal.LogQueries.LEVEL_ORDINAL;
import static io.hactl.core.state.internal.LogQueries.LOCATION;
import static io.hactl.core.state.internal.LogQueries.MESSAGE;
import static io.hactl.core.state.internal.LogQueries.MODULE;
import static io.hactl.core.state.internal.LogQueries.SEQ;
import static io.hactl.core.state.internal.LogQueries.SIZE;
import static io.hactl.core.state.internal.LogQueries.TIME;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
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
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogPosition;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogStore;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link LogStore} over the {@code logs} collection of the state database. Being in the replica
 * set, the log reaches every controller, and a controller added later catches up from a snapshot
 * and the replicated log like any other data. A record's {@code _id} is {@code entity/seq}, so a
 * resent record is a duplicate key and is skipped.
 */
public final class MongoLogStore implements LogStore {

  static final String COLLECTION = "logs";
  static final String META_COLLECTION = "logs.meta";
  /** Pruning leaves this share of the allowed size, so that it does not run on every append. */
  private static final double PRUNE_TO = 0.9;

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
  public static MongoLogStore connectMember(String address, Duration timeout) {
    long ms = timeout.toMillis();
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(
            "mongodb://" + address + "/?directConnection=true"))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
        .applyToServerSettings(b -> b.heartbeatFrequency(500, TimeUnit.MILLISECONDS)
            .minHeartbeatFrequency(100, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) ms, TimeUnit.MILLISECONDS)
            .readTimeout((int) Math.max(ms, 5000), TimeUnit.MILLISECONDS))
        .retryReads(false)
        .build();
    return new MongoLogStore(MongoClients.create(settings), ReadPreference.nearest());
  }

  @Override
  public void append(List<LogRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    call("store " + records.size() + " log records", () -> {
      List<Document> docs = records.stream().map(MongoLogStore::toDocument).toList();
      try {
        logs.insertMany(docs, new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        // Records stored by an earlier, unacknowledged attempt are duplicates: that is success.
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
      Document last = logs.find(Filters.eq(ENTITY, entity)).sort(Sorts.descending(SEQ))
          .projection(Projections.include(SEQ)).limit(1).first();
      return last == null ? -1L : ((Number) last.get(SEQ)).longValue();
    });
  }

  @Override
  public LogPosition head() {
    return call("read the log's head", () -> {
      Map<String, Long> last = new HashMap<>();
      logs.aggregate(List.of(Aggregates.group("$" + ENTITY, Accumulators.max("last", "$" + SEQ))))
          .forEach(d -> last.put(d.getString("_id"), ((Number) d.get("last")).longValue()));
      return new LogPosition(last);
    });
  }

  @Override
  public List<LogRecord> newest(LogFilter filter, LogPosition upTo, int count) {
    return call("read the newest log records", () -> {
      List<LogRecord> newestFirst = find(where(filter, LogQueries.coveredBy(upTo)),
          Sorts.descending(TIME, ENTITY, SEQ), count);
      Collections.reverse(newestFirst);
      return newestFirst;
    });
  }

  @Override
  public List<LogRecord> page(LogFilter filter, LogPosition upTo, LogRecord after, int limit) {
    return call("read log records", () -> {
      List<Bson> clauses = LogQueries.filter(filter);
      clauses.add(LogQueries.coveredBy(upTo));
      if (after != null) {
        clauses.add(LogQueries.after(after));
      }
      return find(LogQueries.and(clauses), Sorts.ascending(TIME, ENTITY, SEQ), limit);
    });
  }

  @Override
  public List<LogRecord> beyond(LogFilter filter, LogPosition position, int limit) {
    return call("read new log records", () -> find(where(filter, LogQueries.beyond(position)),
        Sorts.ascending(ENTITY, SEQ), limit));
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
      Date last = null;
      Date cutoff = null;
      long removed = 0;
      // Oldest first; the cut falls between two distinct times so "before T" is exact.
      for (Document d : logs.find().sort(Sorts.ascending(TIME))
          .projection(Projections.include(TIME, SIZE))) {
        Date t = d.getDate(TIME);
        if (removed >= toRemove && t.after(last)) {
          cutoff = t;
          break;
        }
        removed += ((Number) d.get(SIZE)).longValue();
        last = t;
      }
      if (cutoff == null) {
        cutoff = new Date(last.getTime() + 1);
      }
      logs.deleteMany(Filters.lt(TIME, cutoff));
      Instant before = cutoff.toInstant();
      meta.replaceOne(Filters.eq("_id", "pruned"),
          new Document("_id", "pruned").append("before", cutoff), new ReplaceOptions().upsert(true));
      return Optional.of(before);
    });
  }

  @Override
  public Optional<Instant> prunedBefore() {
    return call("read the log's pruning time", () -> Optional
        .ofNullable(meta.find(Filters.eq("_id", "pruned")).first())
        .map(d -> d.getDate("before").toInstant()));
  }

  private static Bson where(LogFilter filter, Bson position) {
    List<Bson> clauses = LogQueries.filter(filter);
    clauses.add(position);
    return LogQueries.and(clauses);
  }

  private List<LogRecord> find(Bson query, Bson sort, int limit) {
    List<LogRecord> result = new ArrayList<>();
    logs.find(query).sort(sort).limit(limit).forEach(d -> result.add(fromDocument(d)));
    return result;
  }

  static Document toDocument(LogRecord record) {
    return new Document("_id", record.entity() + "/" + record.seq())
        .append(TIME, Date.from(record.time()))
        .append(ENTITY, record.entity())
        .append(SEQ, record.seq())
        .append(MODULE, record.module())
        .append(LEVEL, record.level().name())
        .append(LEVEL_ORDINAL, record.level().ordinal())
        .append(MESSAGE, record.message())
        .append(LOCATION, record.location())
        .append(SIZE, record.approximateSize());
  }

  static LogRecord fromDocument(Document d) {
    return new LogRecord(d.getDate(TIME).toInstant(), d.getString(ENTITY), d.getString(MODULE),
        LogLevel.valueOf(d.getString(LEVEL)), d.getString(MESSAGE), d.getString(LOCATION),
        ((Number) d.get(SEQ)).longValue());
  }

  private static <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (MongoException e) {
      throw new StateException("cannot " + what + ": " + Errors.describe(e), e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
