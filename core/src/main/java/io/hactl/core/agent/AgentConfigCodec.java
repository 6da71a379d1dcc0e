package io.hactl.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The agent config file's YAML form. Durations are written as whole milliseconds. */
public final class AgentConfigCodec {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);

  private AgentConfigCodec() {}

  /** The file form; it holds the secret, so it must only be written to files of mode 0600. */
  private record FileForm(
      String environmentUuid,
      String environmentName,
      String machineId,
      boolean controller,
      String replicaSet,
      String secret,
      List<String> stateAddresses,
      long heartbeatIntervalMs) {}

  public static String toYaml(AgentConfig c) {
    try {
      return YAML.writeValueAsString(new FileForm(c.environmentUuid(), c.environmentName(),
          c.machineId(), c.controller(), c.replicaSet(), c.secret(), c.stateAddresses(),
          c.heartbeatInterval().toMillis()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("agent config is not serializable", e);
    }
  }

  public static AgentConfig read(Path file) throws IOException {
    FileForm f = YAML.readValue(Files.readString(file), FileForm.class);
    return new AgentConfig(f.environmentUuid(), f.environmentName(), f.machineId(),
        f.controller(), f.replicaSet(), f.secret(), f.stateAddresses(),
        Duration.ofMillis(f.heartbeatIntervalMs() > 0 ? f.heartbeatIntervalMs()
            : AgentConfig.DEFAULT_HEARTBEAT_INTERVAL.toMillis()));
  }
}
