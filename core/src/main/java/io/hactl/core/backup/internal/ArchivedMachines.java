package io.hactl.core.backup.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hactl.core.state.Machine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a restore must know of the machines in an archive before it loads anything: which are
 * controllers (replaced by the new one), which plain machines may still be running, and the
 * machine counter, so the new controller gets an id no machine ever had.
 */
public final class ArchivedMachines {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One machine of the backup.
   *
   * @param id its id
   * @param controller whether it had the controller job
   * @param instanceId its instance, or null if it had none
   */
  public record ArchivedMachine(String id, boolean controller, String instanceId) {}

  private ArchivedMachines() {}

  public static List<ArchivedMachine> read(BackupArchive archive) throws IOException {
    List<ArchivedMachine> machines = new ArrayList<>();
    if (!archive.metadata().collections().contains("machines")) {
      return machines;
    }
    try (BackupArchive.DocumentLines lines = archive.documents("machines")) {
      while (lines.hasNext()) {
        JsonNode doc = JSON.readTree(lines.next());
        boolean controller = false;
        for (JsonNode job : doc.path("jobs")) {
          controller |= Machine.JOB_MANAGE_ENVIRON.equals(job.asText());
        }
        JsonNode instance = doc.path("instanceId");
        machines.add(new ArchivedMachine(doc.path("_id").asText(), controller,
            instance.isTextual() ? instance.asText() : null));
      }
    }
    machines.sort((a, b) -> Machine.compareIds(a.id(), b.id()));
    return machines;
  }

  /** The machine counter of the backup: the id its next machine would have had. */
  public static long nextMachineId(BackupArchive archive) throws IOException {
    if (!archive.metadata().collections().contains("counters")) {
      return 0;
    }
    try (BackupArchive.DocumentLines lines = archive.documents("counters")) {
      while (lines.hasNext()) {
        JsonNode doc = JSON.readTree(lines.next());
        if ("machine".equals(doc.path("_id").asText())) {
          return number(doc.path("next"));
        }
      }
    }
    return 0;
  }

  /** A number in canonical extended JSON ({@code {"$numberLong": "7"}}) or plain. */
  private static long number(JsonNode node) {
    for (String wrapper : List.of("$numberLong", "$numberInt", "$numberDouble")) {
      if (node.has(wrapper)) {
        return (long) Double.parseDouble(node.get(wrapper).asText());
      }
    }
    return node.asLong();
  }
}
