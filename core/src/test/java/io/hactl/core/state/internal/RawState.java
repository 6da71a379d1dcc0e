package io.hactl.core.state.internal;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * The state database as stored, for tests that must see what no {@code StateStore} method
 * shows: every document as extended JSON, and a way to alter one field behind core's back.
 * (The driver may only be imported in this package.)
 */
public final class RawState {
  private RawState() {}

  /** Every document of every collection of the member at {@code address}, one per line. */
  public static String dump(String address) {
    StringBuilder all = new StringBuilder();
    try (MongoClient mongo = direct(address)) {
      MongoDatabase db = mongo.getDatabase(MongoStateStore.DATABASE);
      for (String name : db.listCollectionNames()) {
        for (Document doc : db.getCollection(name).find()) {
          all.append(name).append(' ').append(doc.toJson()).append('\n');
        }
      }
    }
    return all.toString();
  }

  /** The string field {@code field} of the document {@code id} of {@code collection}. */
  public static String field(String address, String collection, String id, String field) {
    try (MongoClient mongo = direct(address)) {
      Document doc = mongo.getDatabase(MongoStateStore.DATABASE).getCollection(collection)
          .find(Filters.eq("_id", id)).first();
      return doc == null ? null : doc.getString(field);
    }
  }

  /** Sets the string field {@code field} of the document {@code id} of {@code collection}. */
  public static void set(String address, String collection, String id, String field,
      String value) {
    try (MongoClient mongo = direct(address)) {
      mongo.getDatabase(MongoStateStore.DATABASE).getCollection(collection)
          .updateOne(Filters.eq("_id", id), Updates.set(field, value));
    }
  }

  private static MongoClient direct(String address) {
    return MongoClients.create("mongodb://" + address + "/?directConnection=true");
  }
}
