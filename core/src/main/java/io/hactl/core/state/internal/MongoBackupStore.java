package io.hactl.core.state.internal;

import static io.hactl.core.state.internal.Errors.call;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupStore;
import io.hactl.core.backup.internal.MetadataJson;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * {@link BackupStore} in two collections of the state database: {@code backups} (one document
 * per backup: its metadata.json as text, the archive's size and chunk count) and
 * {@code backups.chunks} (the archive in chunks of {@value #CHUNK} bytes, GridFS-like, since
 * the embedded member has no GridFS). Both are replicated like any state, so every controller
 * keeps every backup; neither is part of a backup's own dump.
 */
public final class MongoBackupStore implements BackupStore {

  static final String METADATA = "backups";
  static final String CHUNKS = "backups.chunks";
  /** Small chunks keep each replicated log entry small; 255 KiB is GridFS's default too. */
  static final int CHUNK = 255 * 1024;

  private final MongoClient client;
  private final MongoCollection<Document> metadata;
  private final MongoCollection<Document> chunks;

  MongoBackupStore(MongoClient client, ReadPreference readPreference, ReadConcern readConcern) {
    this.client = client;
    MongoDatabase db = client.getDatabase(MongoStateStore.DATABASE)
        .withWriteConcern(WriteConcern.MAJORITY)
        .withReadConcern(readConcern)
        .withReadPreference(readPreference);
    this.metadata = db.getCollection(METADATA);
    this.chunks = db.getCollection(CHUNKS);
  }

  public static MongoBackupStore connect(StateEndpoint endpoint) {
    return new MongoBackupStore(MongoClients.create(MongoStateStore.settings(endpoint)),
        ReadPreference.primary(), ReadConcern.MAJORITY);
  }

  /**
   * A read-only view through the one member at {@code address}, primary or not: how a restore
   * finds a stored backup when the environment has lost its quorum.
   */
  public static MongoBackupStore connectMember(String address, Duration timeout,
      StateCredentials credentials) {
    long ms = timeout.toMillis();
    MongoClientSettings.Builder settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(
            "mongodb://" + address + "/?directConnection=true"))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) ms, TimeUnit.MILLISECONDS))
        .retryReads(false);
    Authentication.apply(settings, List.of(address), credentials);
    // A member cut off from its majority cannot confirm majority reads: read what it holds.
    return new MongoBackupStore(MongoClients.create(settings.build()), ReadPreference.nearest(),
        ReadConcern.DEFAULT);
  }

  static boolean isBackupCollection(String name) {
    return METADATA.equals(name) || CHUNKS.equals(name);
  }

  @Override
  public void save(BackupMetadata backup, Path archive) throws IOException {
    String id = backup.id();
    long size = Files.size(archive);
    Optional<BackupMetadata> kept = find(id);
    if (kept.isPresent() && !kept.get().checksum().equals(backup.checksum())) {
      throw new IOException("a different backup with id " + id + " is already kept (both"
          + " started in the same second); create the backup again");
    }
    try (InputStream in = Files.newInputStream(archive)) {
      call("store backup " + id, () -> {
        chunks.createIndex(Indexes.ascending("backup", "n"), new IndexOptions().unique(true));
        chunks.deleteMany(eq("backup", id));
        int n = 0;
        byte[] buffer = new byte[CHUNK];
        int read;
        while ((read = readFully(in, buffer)) > 0) {
          byte[] data = read == CHUNK ? buffer.clone() : java.util.Arrays.copyOf(buffer, read);
          chunks.insertOne(new Document("_id", id + "/" + n).append("backup", id)
              .append("n", n).append("data", new Binary(data)));
          n++;
        }
        metadata.replaceOne(eq("_id", id), new Document("_id", id)
                .append("started", Date.from(backup.started()))
                .append("archiveSize", size)
                .append("chunks", n)
                .append("metadata", MetadataJson.write(backup)),
            new ReplaceOptions().upsert(true));
        return null;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public List<BackupMetadata> list() {
    return call("list backups", () -> {
      List<BackupMetadata> all = new ArrayList<>();
      metadata.find().sort(Sorts.descending("started", "_id"))
          .forEach(d -> all.add(MetadataJson.read(d.getString("metadata"))));
      return all;
    });
  }

  @Override
  public Optional<BackupMetadata> find(String id) {
    return call("read backup " + id, () -> Optional.ofNullable(metadata.find(eq("_id", id))
        .first()).map(d -> MetadataJson.read(d.getString("metadata"))));
  }

  @Override
  public long archiveSize(String id) {
    return call("read backup " + id, () -> Optional.ofNullable(metadata.find(eq("_id", id))
        .first()).map(d -> ((Number) d.get("archiveSize")).longValue()).orElse(-1L));
  }

  @Override
  public boolean copyTo(String id, OutputStream out) throws IOException {
    try {
      return call("read backup " + id, () -> {
        Document doc = metadata.find(eq("_id", id)).first();
        if (doc == null) {
          return false;
        }
        int expected = doc.getInteger("chunks");
        int n = 0;
        for (Document chunk : chunks.find(eq("backup", id)).sort(Sorts.ascending("n"))) {
          if (chunk.getInteger("n") != n) {
            throw new StateException("backup " + id + " is missing chunk " + n
                + " of its archive in state", null);
          }
          write(out, chunk.get("data", Binary.class).getData());
          n++;
        }
        if (n != expected) {
          throw new StateException("backup " + id + " has " + n + " of its " + expected
              + " archive chunks in state", null);
        }
        return true;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean remove(String id) {
    return call("remove backup " + id, () -> {
      boolean existed = metadata.deleteOne(eq("_id", id)).getDeletedCount() > 0;
      chunks.deleteMany(eq("backup", id));
      return existed;
    });
  }

  private static void write(OutputStream out, byte[] data) {
    try {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int readFully(InputStream in, byte[] buffer) {
    try {
      int total = 0;
      while (total < buffer.length) {
        int read = in.read(buffer, total, buffer.length - total);
        if (read < 0) {
          break;
        }
        total += read;
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
