package io.hactl.core.state.internal;

import static io.hactl.core.state.internal.Errors.call;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import io.hactl.core.backup.DumpOrder;
import io.hactl.core.backup.StateDump;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * {@link StateDump} over the state database. Documents travel as canonical extended JSON, which
 * keeps every BSON type (dates, 64-bit integers, binaries) exact.
 */
public final class MongoStateDump implements StateDump {

  /** Documents inserted per round trip while loading: large enough to stream 100 MB quickly. */
  private static final int BATCH = 1000;
  private static final JsonWriterSettings CANONICAL =
      JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

  private final MongoClient client;
  private final MongoDatabase db;

  MongoStateDump(MongoClient client) {
    this.client = client;
    this.db = client.getDatabase(MongoStateStore.DATABASE)
        .withWriteConcern(WriteConcern.MAJORITY)
        .withReadConcern(ReadConcern.MAJORITY)
        .withReadPreference(ReadPreference.primary());
  }

  public static MongoStateDump connect(StateEndpoint endpoint) {
    return new MongoStateDump(MongoClients.create(MongoStateStore.settings(endpoint)));
  }

  @Override
  public List<String> collections() {
    return call("list the state's collections", () -> {
      List<String> names = new ArrayList<>();
      db.listCollectionNames().forEach(name -> {
        if (!MongoBackupStore.isBackupCollection(name) && !name.startsWith("system.")) {
          names.add(name);
        }
      });
      return DumpOrder.sort(names);
    });
  }

  @Override
  public List<String> indexes(String collection) {
    return call("list the indexes of " + collection, () -> {
      List<String> specs = new ArrayList<>();
      db.getCollection(collection).listIndexes().forEach(index -> {
        if (!"_id_".equals(index.getString("name"))) {
          Document spec = new Document(index);
          spec.remove("ns");
          spec.remove("v");
          specs.add(spec.toJson(CANONICAL));
        }
      });
      return specs;
    });
  }

  @Override
  public long export(String collection, Writer out) throws IOException {
    try {
      return call("read collection " + collection, () -> {
        long count = 0;
        for (Document doc : db.getCollection(collection).find().batchSize(BATCH)) {
          try {
            out.write(doc.toJson(CANONICAL));
            out.write('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          count++;
        }
        return count;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public long load(String collection, List<String> indexes, Iterator<String> documents) {
    return loadFiltered(collection, indexes, documents, d -> true);
  }

  @Override
  public long loadMachines(List<String> indexes, Iterator<String> documents,
      Predicate<Machine> keep) {
    return loadFiltered("machines", indexes, documents,
        d -> keep.test(MachineCodec.fromDocument(d)));
  }

  private long loadFiltered(String collection, List<String> indexes, Iterator<String> documents,
      Predicate<Document> keep) {
    return call("load collection " + collection, () -> {
      MongoCollection<Document> target = db.getCollection(collection);
      for (String index : indexes) {
        createIndex(target, Document.parse(index));
      }
      long loaded = 0;
      List<Document> batch = new ArrayList<>(BATCH);
      while (documents.hasNext()) {
        Document doc = Document.parse(documents.next());
        if (!keep.test(doc)) {
          continue;
        }
        batch.add(doc);
        if (batch.size() == BATCH) {
          loaded += insert(target, batch);
          batch = new ArrayList<>(BATCH);
        }
      }
      return loaded + insert(target, batch);
    });
  }

  private static void createIndex(MongoCollection<Document> target, Document spec) {
    IndexOptions options = new IndexOptions().name(spec.getString("name"));
    if (Boolean.TRUE.equals(spec.getBoolean("unique"))) {
      options.unique(true);
    }
    if (Boolean.TRUE.equals(spec.getBoolean("sparse"))) {
      options.sparse(true);
    }
    target.createIndex(spec.get("key", Document.class), options);
  }

  /**
   * Inserts a batch; documents whose id is already present (written by the new controller
   * before the load, or by an earlier attempt) are replaced one by one, so the dump wins.
   */
  private static long insert(MongoCollection<Document> target, List<Document> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      target.insertMany(batch, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteConcernError() != null) {
        throw e;
      }
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        Document doc = batch.get(error.getIndex());
        target.replaceOne(Filters.eq("_id", doc.get("_id")), doc,
            new ReplaceOptions().upsert(true));
      }
    }
    return batch.size();
  }

  @Override
  public void close() {
    client.close();
  }
}
