package io.hactl.core.state.internal;

import static io.hactl.core.state.internal.LogQueries.COUNT;
import static io.hactl.core.state.internal.LogQueries.ENTITY;
import static io.hactl.core.state.internal.LogQueries.FIRST_SEQ;
import static io.hactl.core.state.internal.LogQueries.FIRST_TIME;
import static io.hactl.core.state.internal.LogQueries.LAST_SEQ;
import static io.hactl.core.state.internal.LogQueries.LAST_TIME;
import static io.hactl.core.state.internal.LogQueries.RECORDS;
import static io.hactl.core.state.internal.LogQueries.SIZE;

import io.hactl.core.logs.LogLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import io.hactl.core.logs.LogRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Converts between records and chunk documents. One document per agent batch, rather than one
 * per record, and its records gzipped into one binary field, because the replica set applies
 * every write on every member, in order with the writes that decide HA: a batch of 500 records
 * then costs about one small write instead of 500 documents, which is what lets ten agents' logs
 * in without holding up those writes. Entity, sequence and time ranges stay plain fields, so the
 * database still selects chunks by them.
 */
final class LogChunks {

  private LogChunks() {}

  /** One chunk per entity of {@code records}, each in sequence order. */
  static List<Document> toChunks(List<LogRecord> records) {
    Map<String, List<LogRecord>> byEntity = new LinkedHashMap<>();
    for (LogRecord record : records) {
      byEntity.computeIfAbsent(record.entity(), e -> new ArrayList<>()).add(record);
    }
    List<Document> chunks = new ArrayList<>();
    for (Map.Entry<String, List<LogRecord>> e : byEntity.entrySet()) {
      List<LogRecord> batch = new ArrayList<>(e.getValue());
      batch.sort(Comparator.comparingLong(LogRecord::seq));
      long size = 0;
      Date first = null;
      Date last = null;
      for (LogRecord r : batch) {
        Date t = Date.from(r.time());
        first = first == null || t.before(first) ? t : first;
        last = last == null || t.after(last) ? t : last;
        size += r.approximateSize();
      }
      long firstSeq = batch.get(0).seq();
      chunks.add(new Document("_id", e.getKey() + "/" + firstSeq)
          .append(ENTITY, e.getKey())
          .append(FIRST_SEQ, firstSeq)
          .append(LAST_SEQ, batch.get(batch.size() - 1).seq())
          .append(FIRST_TIME, first)
          .append(LAST_TIME, last)
          .append(COUNT, batch.size())
          .append(SIZE, size)
          .append(RECORDS, new Binary(encode(batch))));
    }
    return chunks;
  }

  /** The records of a chunk, in sequence order. */
  static List<LogRecord> records(Document chunk) {
    String entity = chunk.getString(ENTITY);
    int count = chunk.getInteger(COUNT);
    byte[] payload = chunk.get(RECORDS, Binary.class).getData();
    List<LogRecord> records = new ArrayList<>(count);
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(
        new ByteArrayInputStream(payload)))) {
      for (int i = 0; i < count; i++) {
        Instant time = Instant.ofEpochMilli(in.readLong());
        long seq = in.readLong();
        LogLevel level = LEVELS[in.readByte()];
        String module = readString(in);
        String message = readString(in);
        String location = readString(in);
        records.add(new LogRecord(time, entity, module, level, message, location, seq));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("log chunk " + chunk.get("_id") + " is corrupt", e);
    }
    return records;
  }

  private static final LogLevel[] LEVELS = LogLevel.values();

  private static byte[] encode(List<LogRecord> batch) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      for (LogRecord r : batch) {
        out.writeLong(r.time().toEpochMilli());
        out.writeLong(r.seq());
        out.writeByte(r.level().ordinal());
        writeString(out, r.module());
        writeString(out, r.message());
        writeString(out, r.location());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode log records", e);
    }
    return bytes.toByteArray();
  }

  /** Length-prefixed UTF-8: unlike writeUTF, no 64 KB limit on a message. */
  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
