package io.hactl.core.state.internal;

import com.mongodb.client.model.Filters;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogPosition;
import io.hactl.core.logs.LogRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.conversions.Bson;

/**
 * Translates {@link LogFilter}s and {@link LogPosition}s into queries on the {@code logs}
 * collection. Each translation means exactly what the Java predicate means
 * ({@link LogFilter#matches}, {@link LogPosition#covers}); the tests check both against the same
 * records.
 */
final class LogQueries {

  static final String TIME = "t";
  static final String ENTITY = "e";
  static final String MODULE = "m";
  static final String LEVEL = "l";
  static final String LEVEL_ORDINAL = "lv";
  static final String MESSAGE = "msg";
  static final String LOCATION = "loc";
  static final String SEQ = "s";
  static final String SIZE = "sz";

  private LogQueries() {}

  /** The filter's families, ANDed. */
  static List<Bson> filter(LogFilter filter) {
    List<Bson> clauses = new ArrayList<>();
    if (filter.minimumLevel().ordinal() > 0) {
      clauses.add(Filters.gte(LEVEL_ORDINAL, filter.minimumLevel().ordinal()));
    }
    if (!filter.includeEntities().isEmpty()) {
      clauses.add(Filters.or(filter.includeEntities().stream().map(LogQueries::entity).toList()));
    }
    if (!filter.excludeEntities().isEmpty()) {
      clauses.add(Filters.nor(filter.excludeEntities().stream().map(LogQueries::entity).toList()));
    }
    if (!filter.includeModules().isEmpty()) {
      clauses.add(Filters.or(filter.includeModules().stream().map(LogQueries::module).toList()));
    }
    if (!filter.excludeModules().isEmpty()) {
      clauses.add(Filters.nor(filter.excludeModules().stream().map(LogQueries::module).toList()));
    }
    return clauses;
  }

  /** Records at or before {@code upTo}: an entity it does not name has none. */
  static Bson coveredBy(LogPosition upTo) {
    List<Bson> perEntity = new ArrayList<>();
    for (Map.Entry<String, Long> e : upTo.lastSeq().entrySet()) {
      perEntity.add(Filters.and(Filters.eq(ENTITY, e.getKey()), Filters.lte(SEQ, e.getValue())));
    }
    return perEntity.isEmpty() ? Filters.eq(ENTITY, null) : Filters.or(perEntity);
  }

  /** Records beyond {@code position}: past each entity's last seq, and every unknown entity's. */
  static Bson beyond(LogPosition position) {
    List<Bson> clauses = new ArrayList<>();
    for (Map.Entry<String, Long> e : position.lastSeq().entrySet()) {
      clauses.add(Filters.and(Filters.eq(ENTITY, e.getKey()), Filters.gt(SEQ, e.getValue())));
    }
    clauses.add(Filters.nin(ENTITY, position.lastSeq().keySet()));
    return Filters.or(clauses);
  }

  /** Records after {@code record} in (time, entity, seq) order. */
  static Bson after(LogRecord record) {
    Date t = Date.from(record.time());
    return Filters.or(
        Filters.gt(TIME, t),
        Filters.and(Filters.eq(TIME, t), Filters.gt(ENTITY, record.entity())),
        Filters.and(Filters.eq(TIME, t), Filters.eq(ENTITY, record.entity()),
            Filters.gt(SEQ, record.seq())));
  }

  static Bson and(List<Bson> clauses) {
    return clauses.isEmpty() ? Filters.empty() : Filters.and(clauses);
  }

  private static Bson entity(String pattern) {
    return LogFilter.isWildcard(pattern)
        ? Filters.regex(ENTITY, LogFilter.entityRegex(pattern))
        : Filters.eq(ENTITY, pattern);
  }

  private static Bson module(String prefix) {
    return Filters.or(Filters.eq(MODULE, prefix),
        Filters.regex(MODULE, "^" + LogFilter.literal(prefix + ".")));
  }
}
