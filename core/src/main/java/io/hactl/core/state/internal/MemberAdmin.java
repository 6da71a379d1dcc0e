package io.hactl.core.state.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.hactl.core.state.MemberSpec;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonTimestamp;
import org.bson.Document;

/** Replica-set administration commands: reaching one member directly, initiating, status. */
public final class MemberAdmin {

  private MemberAdmin() {}

  /**
   * Asks the member at {@code address} for {@code hello} over a direct connection.
   *
   * @return true when it answered within {@code timeout}
   */
  public static boolean answersHello(String address, Duration timeout) {
    try (MongoClient direct = direct(address, timeout)) {
      direct.getDatabase("admin").runCommand(new Document("hello", 1));
      return true;
    } catch (MongoException e) {
      return false;
    }
  }

  /** Initiates a one-member replica set on the member at {@code address}. */
  public static void initiate(String address, String replicaSet, Duration timeout) {
    Document member = new Document("_id", 0).append("host", address);
    Document config = new Document("_id", replicaSet)
        .append("version", 1)
        .append("members", List.of(member));
    try (MongoClient direct = direct(address, timeout)) {
      direct.getDatabase("admin").runCommand(new Document("replSetInitiate", config));
    } catch (MongoException e) {
      throw new StateException("cannot initiate replica set " + replicaSet + " on " + address
          + ": " + Errors.describe(e), e);
    }
  }

  /** The members as the primary reports them, with their votes from the current config. */
  static List<MemberView> members(MongoClient client) {
    var admin = client.getDatabase("admin");
    Document status = admin.runCommand(new Document("replSetGetStatus", 1));
    Document config = admin.runCommand(new Document("replSetGetConfig", 1)).get("config",
        Document.class);
    Map<String, Integer> votes = new HashMap<>();
    for (Document m : config.getList("members", Document.class, List.of())) {
      Object v = m.get("votes");
      votes.put(m.getString("host"), v == null ? 1 : ((Number) v).intValue());
    }
    List<MemberView> result = new ArrayList<>();
    for (Document m : status.getList("members", Document.class, List.of())) {
      String name = m.getString("name");
      Object health = m.get("health");
      Document optime = m.get("optime", Document.class);
      long position = -1;
      if (optime != null && optime.get("ts") instanceof BsonTimestamp ts) {
        position = ts.getValue();
      }
      result.add(new MemberView(name, m.getString("stateStr"),
          health == null || ((Number) health).doubleValue() > 0,
          votes.getOrDefault(name, 0) > 0,
          position));
    }
    return result;
  }

  /** Applies {@code members} as the next configuration, keeping each known member's id. */
  static void reconfigure(MongoClient client, List<MemberSpec> members) {
    var admin = client.getDatabase("admin");
    Document config = admin.runCommand(new Document("replSetGetConfig", 1))
        .get("config", Document.class);
    Map<String, Integer> ids = new HashMap<>();
    int nextId = 0;
    for (Document m : config.getList("members", Document.class, List.of())) {
      int id = ((Number) m.get("_id")).intValue();
      ids.put(m.getString("host"), id);
      nextId = Math.max(nextId, id + 1);
    }
    List<Document> next = new ArrayList<>();
    for (MemberSpec spec : members) {
      Integer id = ids.get(spec.address());
      if (id == null) {
        id = nextId++;
      }
      next.add(new Document("_id", id).append("host", spec.address())
          .append("votes", spec.votes()).append("priority", spec.priority()));
    }
    long version = ((Number) config.get("version")).longValue() + 1;
    admin.runCommand(new Document("replSetReconfig", new Document("_id", config.get("_id"))
        .append("version", version)
        .append("members", next)));
  }

  /**
   * Steps the primary down. A primary may drop its connections as it steps down, so a
   * network error after sending the command counts as done; the caller re-observes anyway.
   */
  static void stepDown(MongoClient client) {
    try {
      client.getDatabase("admin").runCommand(new Document("replSetStepDown", 10));
    } catch (MongoSocketException e) {
      // The connection closed because the primary stepped down.
    }
  }

  private static MongoClient direct(String address, Duration timeout) {
    long ms = timeout.toMillis();
    return MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(
            "mongodb://" + address + "/?directConnection=true"))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) ms, TimeUnit.MILLISECONDS)
            .readTimeout((int) Math.max(ms, 5000), TimeUnit.MILLISECONDS))
        .build());
  }
}
