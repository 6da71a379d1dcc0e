package io.hactl.core.state.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.hactl.core.state.StateCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Whether a connection authenticates. A real mongod run with {@code --keyFile} refuses every
 * unauthenticated command but {@code hello}, so its clients must log in; hactl's embedded member
 * has no user management, and a client that tries SCRAM against it fails. Before a connection
 * with credentials is opened, one member is asked {@code usersInfo} without them: a server that
 * has no such command (code 59) is the embedded member, anything else (a refusal, an answer) a
 * mongod. The question costs one round trip per connect and only for mongod environments.
 */
final class Authentication {

  static final int COMMAND_NOT_FOUND = 59;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

  private Authentication() {}

  /** Adds {@code credentials} to {@code settings} if the members at {@code addresses} need them. */
  static MongoClientSettings.Builder apply(MongoClientSettings.Builder settings,
      List<String> addresses, StateCredentials credentials) {
    if (credentials != null && needed(addresses, credentials)) {
      settings.credential(MongoCredential.createScramSha256Credential(credentials.user(),
          "admin", credentials.password().toCharArray()));
    }
    return settings;
  }

  private static boolean needed(List<String> addresses, StateCredentials credentials) {
    for (String address : addresses) {
      Optional<Boolean> managesUsers = managesUsers(address, PROBE_TIMEOUT);
      if (managesUsers.isPresent()) {
        return managesUsers.get();
      }
    }
    return credentials.assumedWhenUnknown();
  }

  /**
   * Whether the member at {@code address} manages users (a mongod) or not (the embedded
   * member); empty when it did not answer.
   */
  static Optional<Boolean> managesUsers(String address, Duration timeout) {
    try (MongoClient direct = MongoClients.create(direct(address, timeout).build())) {
      direct.getDatabase("admin").runCommand(new Document("usersInfo", 1));
      return Optional.of(true);
    } catch (MongoCommandException e) {
      return Optional.of(e.getErrorCode() != COMMAND_NOT_FOUND);
    } catch (MongoException e) {
      return Optional.empty();
    }
  }

  /** Settings for a direct connection to the one member at {@code address}. */
  static MongoClientSettings.Builder direct(String address, Duration timeout) {
    long ms = timeout.toMillis();
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(
            "mongodb://" + address + "/?directConnection=true"))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout((int) ms, TimeUnit.MILLISECONDS)
            .readTimeout((int) Math.max(ms, 5000), TimeUnit.MILLISECONDS));
  }
}
