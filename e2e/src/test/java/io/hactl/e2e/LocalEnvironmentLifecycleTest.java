package io.hactl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton's whole user session, one-shot, against real agent processes. */
@Tag("e2e")
class LocalEnvironmentLifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration AGENT_START_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path home;
  private Hactl hactl;

  @BeforeEach
  void setUp() {
    hactl = new Hactl(home);
  }

  /** Whatever a failed assertion left running is stopped, so no test leaks processes. */
  @AfterEach
  void destroyLeftovers() throws Exception {
    if (Files.exists(home.resolve("data/environments/local"))) {
      hactl.run("destroy-environment", "-y");
    }
  }

  @Test
  void bootstrapsAddsAMachineReadsStateThroughTheDriverAndDestroysLeavingNothing()
      throws Exception {
    Hactl.Result bootstrap = hactl.run("bootstrap");
    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isZero();

    JsonNode machine0 = awaitMachine("0", m -> "started".equals(m.path("agent-state").asText()));
    assertThat(machine0.path("jobs").toString()).contains("manage-environ");
    assertThat(machine0.path("member").path("state").asText()).isEqualTo("PRIMARY");
    long controllerPid = machine0.path("details").path("pid").asLong();
    int statePort = machine0.path("ports").path("state").asInt();
    assertThat(ProcessHandle.of(controllerPid)).isPresent();
    assertThat(statePort).isPositive();

    Hactl.Result add = hactl.run("add-machine");
    assertThat(add.exitCode()).as(add.toString()).isZero();
    JsonNode machine1 = awaitMachine("1", m -> "started".equals(m.path("agent-state").asText()));
    long plainPid = machine1.path("details").path("pid").asLong();
    assertThat(plainPid).isNotEqualTo(controllerPid);
    assertThat(machine1.path("member").isMissingNode() || machine1.path("member").isNull())
        .as("a plain machine has no replica-set member").isTrue();

    // Read state with the real driver, as any MongoDB client could.
    try (MongoClient client = MongoClients.create(
        "mongodb://127.0.0.1:" + statePort + "/?directConnection=true")) {
      List<String> ids = new ArrayList<>();
      client.getDatabase("hactl").getCollection("machines").find()
          .forEach(d -> ids.add(d.getString("_id")));
      assertThat(ids).containsExactlyInAnyOrder("0", "1");
      Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
      assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
      assertThat(hello.getString("setName")).startsWith("hactl-");
    }

    Hactl.Result remove = hactl.run("remove-machine", "1");
    assertThat(remove.exitCode()).as(remove.toString()).isZero();
    assertThat(awaitExit(plainPid)).as("machine 1's agent stopped").isTrue();

    Hactl.Result destroy = hactl.run("destroy-environment", "-y");
    assertThat(destroy.exitCode()).as(destroy.toString()).isZero();
    assertThat(awaitExit(controllerPid)).as("machine 0's agent stopped").isTrue();
    assertThat(portIsFree(statePort)).as("state port released").isTrue();
    assertThat(home.resolve("data/environments/local")).doesNotExist();
  }

  @Test
  void refusesBadInputWithExitCodeTwoAndChangesNothing() throws Exception {
    Hactl.Result unknownFlag = hactl.run("status", "--format", "xml");
    assertThat(unknownFlag.exitCode()).as(unknownFlag.toString()).isEqualTo(2);

    Files.writeString(home.resolve("environments.yaml"), """
        environments:
          dev:
            type: local
            state-port: lots
        """);
    Hactl.Result badConfig = hactl.run("bootstrap");
    assertThat(badConfig.exitCode()).as(badConfig.toString()).isEqualTo(2);
    assertThat(badConfig.err()).contains("environments.yaml:4:").contains("state-port");
    assertThat(home.resolve("data/environments")).doesNotExist();

    Files.delete(home.resolve("environments.yaml"));
    Hactl.Result notBootstrapped = hactl.run("remove-machine", "7");
    assertThat(notBootstrapped.exitCode()).as(notBootstrapped.toString()).isEqualTo(2);
    assertThat(notBootstrapped.err()).contains("not bootstrapped");
  }

  private JsonNode awaitMachine(String id, Predicate<JsonNode> condition) throws Exception {
    Instant deadline = Instant.now().plus(AGENT_START_TIMEOUT);
    JsonNode last = null;
    String lastOutput = "";
    while (Instant.now().isBefore(deadline)) {
      Hactl.Result status = hactl.run("status", "--format", "json");
      lastOutput = status.toString();
      if (status.exitCode() == 0) {
        for (JsonNode machine : JSON.readTree(status.out()).path("machines")) {
          if (id.equals(machine.path("id").asText())) {
            last = machine;
            if (condition.test(machine)) {
              return machine;
            }
          }
        }
      }
    }
    throw new AssertionError("machine " + id + " did not reach the expected state within "
        + AGENT_START_TIMEOUT.toSeconds() + "s; last seen: " + last + "\n" + lastOutput);
  }

  private static boolean awaitExit(long pid) {
    return ProcessHandle.of(pid)
        .map(p -> p.onExit().completeOnTimeout(p, 20, java.util.concurrent.TimeUnit.SECONDS)
            .thenApply(x -> !x.isAlive()).join())
        .orElse(true);
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
