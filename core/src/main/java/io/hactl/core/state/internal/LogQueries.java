package io.hactl.core.state.internal;

import com.mongodb.client.model.Filters;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.conversions.Bson;

/**
 * Queries on the {@code logs} collection, whose documents are chunks: one agent's batch of
 * records, {@code {_id: "entity/firstSeq", e, s0, s1, t0, t1, n, sz, z: gzipped records}}. The
 * database narrows chunks by entity, sequence range and time range; the records inside are then
 * filtered exactly in Java ({@link io.hactl.core.logs.LogFilter#matches}).
 */
final class LogQueries {

  static final String ENTITY = "e";
  static final String FIRST_SEQ = "s0";
  static final String LAST_SEQ = "s1";
  static final String FIRST_TIME = "t0";
  static final String LAST_TIME = "t1";
  static final String COUNT = "n";
  static final String SIZE = "sz";
  /** The chunk's records, gzipped ({@link LogChunks}). */
  static final String RECORDS = "z";

  private LogQueries() {}

  /** Chunks of entities the filter's entity families let through. */
  static List<Bson> entities(LogFilter filter) {
    List<Bson> clauses = new ArrayList<>();
    if (!filter.includeEntities().isEmpty()) {
      clauses.add(Filters.or(filter.includeEntities().stream().map(LogQueries::entity).toList()));
    }
    if (!filter.excludeEntities().isEmpty()) {
      clauses.add(Filters.nor(filter.excludeEntities().stream().map(LogQueries::entity).toList()));
    }
    return clauses;
  }

  /** Chunks holding records at or before {@code upTo}: an entity it does not name has none. */
  static Bson coveredBy(LogPosition upTo) {
    List<Bson> perEntity = new ArrayList<>();
    for (Map.Entry<String, Long> e : upTo.lastSeq().entrySet()) {
      perEntity.add(Filters.and(Filters.eq(ENTITY, e.getKey()),
          Filters.lte(FIRST_SEQ, e.getValue())));
    }
    return perEntity.isEmpty() ? Filters.eq(ENTITY, null) : Filters.or(perEntity);
  }

  /** Chunks holding records beyond {@code position}, including every unknown entity's. */
  static Bson beyond(LogPosition position) {
    List<Bson> clauses = new ArrayList<>();
    for (Map.Entry<String, Long> e : position.lastSeq().entrySet()) {
      clauses.add(Filters.and(Filters.eq(ENTITY, e.getKey()),
          Filters.gt(LAST_SEQ, e.getValue())));
    }
    clauses.add(Filters.nin(ENTITY, position.lastSeq().keySet()));
    return Filters.or(clauses);
  }

  static Bson and(List<Bson> clauses) {
    return clauses.isEmpty() ? Filters.empty() : Filters.and(clauses);
  }

  private static Bson entity(String pattern) {
    return LogFilter.isWildcard(pattern)
        ? Filters.regex(ENTITY, LogFilter.entityRegex(pattern))
        : Filters.eq(ENTITY, pattern);
  }
}
