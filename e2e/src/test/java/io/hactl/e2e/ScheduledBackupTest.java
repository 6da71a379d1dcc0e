package io.hactl.e2e;

import static io.hactl.e2e.BootstrappedEnvironment.CONVERGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code backup-schedule} and {@code backup-keep}, as environments.yaml sets them. */
@Tag("e2e")
class ScheduledBackupTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final BootstrappedEnvironment env = new BootstrappedEnvironment("""
      environments:
        local:
          type: local
          backup-schedule: 6h
          backup-keep: 2
      """);

  @Test
  void theMasterTakesTheFirstScheduledBackupAtOnceAndEveryBackupCountsTowardsTheKeep()
      throws Exception {
    JsonNode scheduled = awaitBackups("the master's first scheduled backup", 1);
    assertThat(scheduled.get(0).path("notes").asText()).isEqualTo("scheduled (every 6h)");
    String first = scheduled.get(0).path("id").asText();

    env.ok("create-backup", "--no-download", "by hand");
    env.ok("create-backup", "--no-download", "by hand again");
    JsonNode kept = awaitBackups("two backups kept", 2);
    assertThat(kept.toString()).as("the oldest went beyond backup-keep 2").doesNotContain(first)
        .contains("by hand again");
    assertThat(env.probe().status().path("events").toString())
        .contains("scheduled backup " + first + " created");
  }

  private JsonNode awaitBackups(String what, int count) throws Exception {
    Instant deadline = Instant.now().plus(CONVERGE);
    JsonNode last = JSON.missingNode();
    while (Instant.now().isBefore(deadline)) {
      Hactl.Result listed = env.hactl().run("backups", "--format", "json");
      if (listed.exitCode() == 0) {
        last = JSON.readTree(listed.out());
        JsonNode list = last.isArray() ? last : last.path("backups");
        if (list.size() == count) {
          return list;
        }
      }
    }
    throw new AssertionError("waited " + CONVERGE.toSeconds() + "s for " + what
        + "; last listing:\n" + last.toPrettyString());
  }
}
