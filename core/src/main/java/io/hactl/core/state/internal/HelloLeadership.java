package io.hactl.core.state.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.hactl.core.state.MemberLeadership;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * {@link MemberLeadership} over one direct connection. Each question is one {@code hello}: the
 * master gate asks twice a tick, so the answers are taken from one reply at a time.
 */
public final class HelloLeadership implements MemberLeadership {

  private final MongoClient client;
  private volatile Document last = new Document();

  private HelloLeadership(MongoClient client) {
    this.client = client;
  }

  /** Opens a connection to the member at {@code address}; it connects lazily. */
  public static HelloLeadership open(String address, Duration timeout) {
    return new HelloLeadership(MongoClients.create(
        Authentication.direct(address, timeout).build()));
  }

  @Override
  public boolean isPrimary() {
    try {
      last = client.getDatabase("admin").runCommand(new Document("hello", 1));
    } catch (MongoException e) {
      last = new Document();
    }
    return Boolean.TRUE.equals(last.getBoolean("isWritablePrimary"));
  }

  @Override
  public long term() {
    Document reply = last;
    if (!Boolean.TRUE.equals(reply.getBoolean("isWritablePrimary"))) {
      return -1;
    }
    return termOf(reply.get("electionId") instanceof ObjectId id ? id : null);
  }

  /** The term in a protocol-version-1 {@code electionId}: its last 8 bytes; -1 without one. */
  static long termOf(ObjectId electionId) {
    if (electionId == null) {
      return -1;
    }
    return ByteBuffer.wrap(electionId.toByteArray(), 4, 8).getLong();
  }

  @Override
  public void close() {
    client.close();
  }
}
