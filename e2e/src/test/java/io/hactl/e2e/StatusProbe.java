package io.hactl.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Polls `hactl status --format json` until a condition holds, as an operator would. */
final class StatusProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Hactl hactl;

  StatusProbe(Hactl hactl) {
    this.hactl = hactl;
  }

  /** The latest status, or a missing node when status did not succeed. */
  JsonNode status() throws Exception {
    Hactl.Result result = hactl.run("status", "--format", "json");
    return result.exitCode() == 0 ? JSON.readTree(result.out()) : JSON.missingNode();
  }

  /** Waits until {@code condition} holds for the whole status; fails with the last one seen. */
  JsonNode await(String what, Duration timeout, Predicate<JsonNode> condition) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = JSON.missingNode();
    while (Instant.now().isBefore(deadline)) {
      last = status();
      if (!last.isMissingNode() && condition.test(last)) {
        return last;
      }
    }
    throw new AssertionError("waited " + timeout.toSeconds() + "s for " + what
        + "; last status seen:\n" + last.toPrettyString());
  }

  static JsonNode machine(JsonNode status, String id) {
    return status.path("machines").path(id);
  }

  static String voteStatus(JsonNode status, String id) {
    return machine(status, id).path("member").path("vote-status").asText();
  }

  static long pid(JsonNode status, String id) {
    return machine(status, id).path("details").path("pid").asLong();
  }
}
