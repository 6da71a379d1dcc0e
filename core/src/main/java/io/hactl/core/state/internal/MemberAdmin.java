package io.hactl.core.state.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.hactl.core.state.MemberSpec;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.BsonTimestamp;
import org.bson.Document;

/** Replica-set administration commands: reaching one member directly, initiating, status. */
public final class MemberAdmin {

  private static final int UNAUTHORIZED = 13;
  private static final int USER_EXISTS = 51003;
  /** NotWritablePrimary, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary: not elected yet. */
  private static final Set<Integer> NOT_PRIMARY_YET = Set.of(10107, 13435, 13436);

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
    initiate(address, address, replicaSet, timeout);
  }

  /** Initiates a one-member set over {@code connectTo}, the member named {@code knownAs}. */
  public static void initiate(String connectTo, String knownAs, String replicaSet,
      Duration timeout) {
    Document member = new Document("_id", 0).append("host", knownAs);
    Document config = new Document("_id", replicaSet)
        .append("version", 1)
        .append("members", List.of(member));
    try (MongoClient direct = direct(connectTo, timeout)) {
      direct.getDatabase("admin").runCommand(new Document("replSetInitiate", config));
    } catch (MongoException e) {
      throw new StateException("cannot initiate replica set " + replicaSet + " on " + knownAs
          + ": " + Errors.describe(e), e);
    }
  }

  /** Whether the member is a writable primary to a client authenticated where needed. */
  public static boolean readyAsAdministrator(String address, StateCredentials credentials,
      Duration timeout) {
    MongoClientSettings settings = Authentication.apply(Authentication.direct(address, timeout),
        List.of(address), credentials).build();
    try (MongoClient client = MongoClients.create(settings)) {
      // An authenticated command: hello alone is answered before login.
      client.getDatabase("admin").runCommand(new Document("connectionStatus", 1));
      return Boolean.TRUE.equals(client.getDatabase("admin")
          .runCommand(new Document("hello", 1)).getBoolean("isWritablePrimary"));
    } catch (MongoException e) {
      return false;
    }
  }

  /** Whether the member at {@code address} belongs to an initiated set. */
  public static boolean initiated(String address, Duration timeout) {
    try (MongoClient direct = direct(address, timeout)) {
      return direct.getDatabase("admin").runCommand(new Document("hello", 1))
          .containsKey("setName");
    } catch (MongoException e) {
      throw new StateException("cannot ask the member at " + address + " whether it was"
          + " initiated: " + Errors.describe(e), e);
    }
  }

  /**
   * Creates the administrator through mongod's localhost exception, waiting until the member
   * at {@code address} (just initiated) is primary.
   *
   * @return false when the server has no user management
   */
  public static boolean createAdministrator(String address, StateCredentials credentials,
      Duration timeout) {
    Document create = new Document("createUser", credentials.user())
        .append("pwd", credentials.password())
        .append("roles", List.of(new Document("role", "root").append("db", "admin")))
        .append("mechanisms", List.of("SCRAM-SHA-256"));
    Instant deadline = Instant.now().plus(timeout);
    try (MongoClient direct = direct(address, timeout)) {
      while (true) {
        try {
          direct.getDatabase("admin").runCommand(create);
          return true;
        } catch (MongoCommandException e) {
          switch (e.getErrorCode()) {
            case Authentication.COMMAND_NOT_FOUND:
              return false;
            case USER_EXISTS, UNAUTHORIZED:
              // Created before (an agent restarted): with a user in place the localhost
              // exception closes, so a second attempt is refused rather than duplicated.
              return true;
            default:
              if (!NOT_PRIMARY_YET.contains(e.getErrorCode())
                  || Instant.now().isAfter(deadline)) {
                throw e;
              }
          }
        }
        pause();
      }
    } catch (MongoException e) {
      throw new StateException("cannot create the administrator " + credentials.user()
          + " on the member at " + address + ": " + Errors.describe(e), e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateException("interrupted while creating the administrator", e);
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
