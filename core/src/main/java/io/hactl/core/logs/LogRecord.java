package io.hactl.core.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * One log record of one agent, as stored in the environment's replicated log.
 *
 * <p>{@code (entity, seq)} identifies a record: an agent numbers its records in the order it
 * sends them and resends a batch with the same numbers after a failed write, so the store keeps
 * exactly one copy. Because an agent's records become visible in {@code seq} order, a reader
 * that remembers the last {@code seq} it saw per entity (a {@link LogPosition}) never misses nor
 * repeats a record, whatever the records' timestamps.
 *
 * @param time when the agent logged it (millisecond precision once stored)
 * @param entity the agent that logged it, e.g. {@code machine-1}
 * @param module the logger's name, e.g. {@code io.hactl.agent.HeartbeatWorker}
 * @param level its severity
 * @param message the formatted message, on one or more lines
 * @param location {@code File.java:123} when known, else empty
 * @param seq the agent's sequence number, increasing in sending order
 */
public record LogRecord(Instant time, String entity, String module, LogLevel level,
    String message, String location, long seq) {

  public LogRecord {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    location = location == null ? "" : location;
  }

  /** The entity name of machine {@code machineId}: {@code machine-1}. */
  public static String machineEntity(String machineId) {
    return "machine-" + machineId;
  }

  /** A rough size in bytes of the stored record, used to bound retention by size. */
  public int approximateSize() {
    // Field names, ids, time and level cost about 80 bytes in BSON; strings cost their length.
    return 80 + entity.length() + module.length() + message.length() + location.length();
  }
}
