package io.hactl.core.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hactl.core.state.StateStore;
import io.hactl.core.testing.InMemoryStateStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The master's term claim against mongo-java-server's query engine (the embedded member's),
 * step by step next to the in-memory store, whose claim is the plain-Java meaning.
 */
class MongoMasterTermTest {

  private MongoServer server;
  private StateStore mongo;
  private final StateStore reference = new InMemoryStateStore();

  @BeforeEach
  void startServer() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    mongo = MongoStateStore.connectToMember("127.0.0.1:" + server.getLocalAddress().getPort(),
        Duration.ofSeconds(5));
  }

  @AfterEach
  void stopServer() {
    mongo.close();
    server.shutdownNow();
  }

  private record Claim(String machine, long term, boolean granted) {}

  @Test
  void grantsTheFirstClaimANewerTermAndTheHoldersOwnTermButNeverAnOlderOrTakenOne() {
    List<Claim> steps = List.of(
        new Claim("0", 1, true),   // the first master
        new Claim("0", 1, true),   // claiming again each round
        new Claim("1", 1, false),  // another machine in the same term
        new Claim("1", 2, true),   // the next election
        new Claim("0", 1, false),  // the deposed master, cut off, still thinks it is primary
        new Claim("0", 2, false),  // nor in the new master's term
        new Claim("0", 5, true));  // elected again later
    for (Claim step : steps) {
      assertThat(mongo.claimMasterTerm(step.machine(), step.term())).as(step.toString())
          .isEqualTo(step.granted());
      assertThat(reference.claimMasterTerm(step.machine(), step.term())).as(step.toString())
          .isEqualTo(step.granted());
    }
  }
}
