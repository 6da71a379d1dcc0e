package io.hactl.core.state.internal;

import static io.hactl.core.state.internal.Errors.call;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.hactl.core.backup.BackupSchedule;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Event;
import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberSpec;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.plugin.api.Placement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * {@link StateStore} over the environment's replica set through mongodb-driver-sync: the only
 * place (with {@link MemberAdmin}) that talks to MongoDB. The driver is seeded with every known
 * controller and finds the primary by itself, so a failover needs nothing from this class.
 */
public final class MongoStateStore implements StateStore {

  static final String DATABASE = "hactl";

  /**
   * The collection (and its one document's id) holding the master's claimed term. It belongs to
   * one replica set's life: a restore, whose new set counts terms from the start, skips it.
   */
  public static final String MASTER_TERM = "master-term";

  /** Environment settings the master acts on, written by the client (e.g. backups). */
  static final String SETTINGS = "settings";

  /** The {@link #SETTINGS} document holding the sealed provider credentials. */
  static final String CREDENTIALS = "provider-credentials";

  private final MongoClient client;
  private final MongoDatabase db;

  private MongoStateStore(MongoClient client) {
    this.client = client;
    // Every write that shapes the environment must survive a failover: majority, journaled.
    this.db = client.getDatabase(DATABASE)
        .withWriteConcern(WriteConcern.MAJORITY)
        .withReadConcern(ReadConcern.MAJORITY)
        .withReadPreference(ReadPreference.primary());
  }

  public static MongoStateStore connect(StateEndpoint endpoint) {
    return new MongoStateStore(MongoClients.create(settings(endpoint)));
  }

  /**
   * Connects to the one member at {@code address} and never to another: a write succeeds only
   * while that member is the primary (and a majority accepts it), so a master's workers that
   * write through this cannot write once their member was deposed.
   */
  public static MongoStateStore connectToMember(String address, Duration timeout) {
    return connectToMember(address, timeout, null);
  }

  /** As {@link #connectToMember(String, Duration)}, authenticating where the member needs it. */
  public static MongoStateStore connectToMember(String address, Duration timeout,
      StateCredentials credentials) {
    long ms = timeout.toMillis();
    MongoClientSettings.Builder settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(
            "mongodb://" + address + "/?directConnection=true"))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS))
        .retryWrites(false)
        .retryReads(false);
    Authentication.apply(settings, List.of(address), credentials);
    return new MongoStateStore(MongoClients.create(settings.build()));
  }

  static MongoClientSettings settings(StateEndpoint endpoint) {
    String uri = "mongodb://" + String.join(",", endpoint.addresses())
        + "/?replicaSet=" + endpoint.replicaSet();
    long timeoutMs = endpoint.serverSelectionTimeout().toMillis();
    MongoClientSettings.Builder settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(uri))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
        .applyToServerSettings(b -> b.heartbeatFrequency(500, TimeUnit.MILLISECONDS)
            .minHeartbeatFrequency(100, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS))
        .retryWrites(true)
        .retryReads(true);
    return Authentication.apply(settings, endpoint.addresses(), endpoint.credentials()).build();
  }

  @Override
  public void initialize(EnvironmentRecord environment, Machine firstController) {
    call("record the environment", () -> {
      db.getCollection("environment").replaceOne(eq("_id", "environment"),
          new Document("_id", "environment")
              .append("uuid", environment.uuid())
              .append("name", environment.name())
              .append("provider", environment.provider())
              .append("replicaSet", environment.replicaSet()),
          new ReplaceOptions().upsert(true));
      long next = Long.parseLong(firstController.id()) + 1;
      counters().replaceOne(eq("_id", "machine"),
          new Document("_id", "machine").append("next", next), new ReplaceOptions().upsert(true));
      machineCollection().replaceOne(eq("_id", firstController.id()),
          MachineCodec.toDocument(firstController), new ReplaceOptions().upsert(true));
      return null;
    });
  }

  @Override
  public Optional<EnvironmentRecord> environment() {
    return call("read the environment", () -> {
      Document doc = db.getCollection("environment").find(eq("_id", "environment")).first();
      return Optional.ofNullable(doc).map(d -> new EnvironmentRecord(d.getString("uuid"),
          d.getString("name"), d.getString("provider"), d.getString("replicaSet")));
    });
  }

  @Override
  public List<Machine> machines() {
    return call("list machines", () -> {
      List<Machine> result = new ArrayList<>();
      machineCollection().find().forEach(d -> result.add(MachineCodec.fromDocument(d)));
      result.sort((a, b) -> Machine.compareIds(a.id(), b.id()));
      return result;
    });
  }

  @Override
  public Optional<Machine> machine(String id) {
    return call("read machine " + id, () ->
        Optional.ofNullable(machineCollection().find(eq("_id", id)).first()).map(MachineCodec::fromDocument));
  }

  @Override
  public Machine addMachine(List<String> jobs, boolean wantsVote, Map<String, String> constraints,
      Placement placement, Instant addedAt) {
    return call("add a machine", () -> {
      // The counter only grows, so ids are never reused even after removals.
      Document counter = counters().findOneAndUpdate(eq("_id", "machine"), Updates.inc("next", 1L),
          new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
      long id = counter == null ? 0 : ((Number) counter.get("next")).longValue();
      Machine machine = new Machine(Long.toString(id), jobs, Machine.ALIVE, null, List.of(),
          Map.of(), wantsVote, false, constraints, null, addedAt, placement);
      machineCollection().insertOne(MachineCodec.toDocument(machine));
      return machine;
    });
  }

  @Override
  public void setInstance(String machineId, String instanceId, List<String> addresses,
      Map<String, Integer> ports) {
    call("record the instance of machine " + machineId, () -> machineCollection().updateOne(
        eq("_id", machineId),
        Updates.combine(Updates.set("instanceId", instanceId), Updates.set("addresses", addresses),
            Updates.set("ports", new Document(new LinkedHashMap<>(ports))))));
  }

  @Override
  public void setProvisioningError(String machineId, String error) {
    call("record the provisioning error of machine " + machineId, () -> machineCollection()
        .updateOne(eq("_id", machineId), Updates.set("provisioningError", error)));
  }

  @Override
  public long nextMachineId() {
    return call("read the machine counter", () -> {
      Document counter = counters().find(eq("_id", "machine")).first();
      return counter == null ? 0L : ((Number) counter.get("next")).longValue();
    });
  }

  @Override
  public long controllersVersion() {
    return call("read the controller set's version", () -> {
      Document counter = counters().find(eq("_id", "controllers")).first();
      return counter == null ? 0L : ((Number) counter.get("version")).longValue();
    });
  }

  @Override
  public boolean claimControllerChange(long expected) {
    return call("claim a controller change", () -> {
      if (expected == 0) {
        // The first change creates the document; a concurrent first change hits the unique id.
        try {
          counters().insertOne(new Document("_id", "controllers").append("version", 1L));
          return true;
        } catch (MongoWriteException e) {
          return false;
        }
      }
      return counters().updateOne(
          Filters.and(eq("_id", "controllers"), eq("version", expected)),
          Updates.inc("version", 1L)).getModifiedCount() == 1;
    });
  }

  @Override
  public boolean claimMasterTerm(String machineId, long term) {
    return call("claim term " + term + " as the master for machine " + machineId, () -> {
      MongoCollection<Document> claims = db.getCollection(MASTER_TERM);
      long matched = claims.updateOne(Filters.and(eq("_id", MASTER_TERM),
          Filters.or(Filters.lt("term", term),
              Filters.and(eq("term", term), eq("machine", machineId)))),
          Updates.combine(Updates.set("term", term), Updates.set("machine", machineId)))
          .getMatchedCount();
      if (matched == 1) {
        return true;
      }
      // No claim yet, or a newer one: inserting the first claim hits the unique id otherwise.
      try {
        claims.insertOne(new Document("_id", MASTER_TERM).append("term", term)
            .append("machine", machineId));
        return true;
      } catch (MongoWriteException e) {
        return false;
      }
    });
  }

  @Override
  public BackupSchedule backupSchedule() {
    return call("read the backup schedule", () -> {
      Document doc = db.getCollection(SETTINGS).find(eq("_id", "backups")).first();
      if (doc == null) {
        return BackupSchedule.OFF;
      }
      return new BackupSchedule(Duration.ofSeconds(((Number) doc.get("every-seconds"))
          .longValue()), ((Number) doc.get("keep")).intValue());
    });
  }

  @Override
  public void setBackupSchedule(BackupSchedule schedule) {
    call("record the backup schedule", () -> db.getCollection(SETTINGS).replaceOne(
        eq("_id", "backups"), new Document("_id", "backups")
            .append("every-seconds", schedule.every().toSeconds())
            .append("keep", schedule.keep()),
        new ReplaceOptions().upsert(true)));
  }

  @Override
  public Optional<String> sealedCredentials() {
    return call("read the provider credentials", () -> Optional.ofNullable(
        db.getCollection(SETTINGS).find(eq("_id", CREDENTIALS)).first())
        .map(doc -> doc.getString("sealed")));
  }

  @Override
  public void setSealedCredentials(String sealed) {
    call("record the provider credentials", () -> db.getCollection(SETTINGS).replaceOne(
        eq("_id", CREDENTIALS), new Document("_id", CREDENTIALS)
            .append("sealed", sealed)
            .append("updated", new Date()),
        new ReplaceOptions().upsert(true)));
  }

  @Override
  public void setControllerRole(String machineId, boolean controller, boolean wantsVote,
      Instant now) {
    call("change the controller role of machine " + machineId, () -> {
      Machine machine = machine(machineId).orElseThrow(() -> new StateException(
          "machine " + machineId + " vanished during a controller change", null));
      Machine changed = machine.withControllerRole(controller, wantsVote, now);
      return machineCollection().replaceOne(eq("_id", machineId),
          MachineCodec.toDocument(changed));
    });
  }

  @Override
  public void setHasVote(String machineId, boolean hasVote) {
    call("record the vote of machine " + machineId, () -> machineCollection()
        .updateOne(eq("_id", machineId), Updates.set("hasVote", hasVote)));
  }

  @Override
  public void recordEvent(Event event) {
    call("record an event", () -> db.getCollection("events").insertOne(
        new Document("at", Date.from(event.at()))
            .append("kind", event.kind())
            .append("machine", event.machineId())
            .append("message", event.message())));
  }

  @Override
  public List<Event> events(int limit) {
    return call("read events", () -> {
      List<Event> newestFirst = new ArrayList<>();
      db.getCollection("events").find().sort(Sorts.descending("at")).limit(limit)
          .forEach(d -> newestFirst.add(new Event(d.getDate("at").toInstant(),
              d.getString("kind"), d.getString("machine"), d.getString("message"))));
      java.util.Collections.reverse(newestFirst);
      return newestFirst;
    });
  }

  @Override
  public void removeMachine(String machineId) {
    call("remove machine " + machineId, () -> {
      machineCollection().deleteOne(eq("_id", machineId));
      heartbeatCollection().deleteOne(eq("_id", machineId));
      return null;
    });
  }

  @Override
  public void heartbeat(String machineId, Instant at) {
    // A heartbeat is not an HA decision: acknowledging it from the primary alone is enough.
    call("record a heartbeat of machine " + machineId, () -> heartbeatCollection()
        .withWriteConcern(WriteConcern.W1)
        .replaceOne(eq("_id", machineId),
            new Document("_id", machineId).append("at", Date.from(at)),
            new ReplaceOptions().upsert(true)));
  }

  @Override
  public Map<String, Instant> heartbeats() {
    return call("read heartbeats", () -> {
      Map<String, Instant> result = new LinkedHashMap<>();
      heartbeatCollection().find().sort(Sorts.ascending("_id"))
          .forEach(d -> result.put(d.getString("_id"), d.getDate("at").toInstant()));
      return result;
    });
  }

  @Override
  public List<String> controllerAddresses() {
    return machines().stream()
        .filter(Machine::isController)
        .map(Machine::stateAddress)
        .filter(a -> a != null)
        .toList();
  }

  @Override
  public List<MemberView> members() {
    return call("read the replica set's status", () -> MemberAdmin.members(client));
  }

  @Override
  public void reconfigure(List<MemberSpec> members) {
    call("reconfigure the replica set", () -> {
      MemberAdmin.reconfigure(client, members);
      return null;
    });
  }

  @Override
  public void stepDownPrimary() {
    call("step down the primary", () -> {
      MemberAdmin.stepDown(client);
      return null;
    });
  }

  private MongoCollection<Document> machineCollection() {
    return db.getCollection("machines");
  }

  private MongoCollection<Document> counters() {
    return db.getCollection("counters");
  }

  private MongoCollection<Document> heartbeatCollection() {
    return db.getCollection("heartbeats");
  }

  @Override
  public void close() {
    client.close();
  }
}
