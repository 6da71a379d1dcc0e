package io.hactl.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hactl.config.AgentDelivery;
import io.hactl.config.ControllerDb;
import io.hactl.core.credentials.CredentialKey;
import io.hactl.plugin.api.AgentDistribution;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
      long heartbeatIntervalMs,
      ProviderForm provider,
      int logRetentionMb) {}

  private record ProviderForm(
      String type,
      Map<String, String> settings,
      List<String> pluginRoots,
      String storageDirectory,
      String agentJava,
      List<String> agentClasspath,
      String agentMainClass,
      List<String> agentJvmOptions,
      int statePort,
      String agentUrl,
      String agentSha256,
      int agentPort,
      String controllerDb,
      String credentialKey) {

    static ProviderForm of(ProviderAccess a) {
      return a == null ? null : new ProviderForm(a.providerType(), a.providerSettings(),
          strings(a.pluginRoots()), a.storageDirectory().toString(),
          a.agent().javaExecutable().toString(), strings(a.agent().classpath()),
          a.agent().mainClass(), a.agent().jvmOptions(), a.statePort(),
          a.delivery().urlIfSet().map(URI::toString).orElse(null), a.delivery().sha256(),
          a.delivery().port(), a.controllerDb().name().toLowerCase(Locale.ROOT),
          a.credentialKey() == null ? null : a.credentialKey().encoded());
    }

    ProviderAccess toAccess() {
      return new ProviderAccess(type, settings == null ? Map.of() : settings, paths(pluginRoots),
          Path.of(storageDirectory), new AgentDistribution(Path.of(agentJava),
              paths(agentClasspath), agentMainClass,
              agentJvmOptions == null ? List.of() : agentJvmOptions), statePort,
          // Files written before delivery existed have none of these keys: local defaults.
          new AgentDelivery(agentUrl == null ? null : URI.create(agentUrl), agentSha256,
              agentPort, null),
          controllerDb == null ? ControllerDb.EMBEDDED
              : ControllerDb.valueOf(controllerDb.toUpperCase(Locale.ROOT)),
          // Files written before credentials were kept in state have no key.
          credentialKey == null ? null : CredentialKey.decode(credentialKey));
    }
  }

  private static List<String> strings(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }

  private static List<Path> paths(List<String> strings) {
    return strings == null ? List.of() : strings.stream().map(Path::of).toList();
  }

  public static String toYaml(AgentConfig c) {
    try {
      return YAML.writeValueAsString(new FileForm(c.environmentUuid(), c.environmentName(),
          c.machineId(), c.controller(), c.replicaSet(), c.secret(), c.stateAddresses(),
          c.heartbeatInterval().toMillis(), ProviderForm.of(c.providerAccess()),
          c.logRetentionMb()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("agent config is not serializable", e);
    }
  }

  public static AgentConfig read(Path file) throws IOException {
    return fromYaml(Files.readString(file));
  }

  public static AgentConfig fromYaml(String yaml) throws IOException {
    FileForm f = YAML.readValue(yaml, FileForm.class);
    return new AgentConfig(f.environmentUuid(), f.environmentName(), f.machineId(),
        f.controller(), f.replicaSet(), f.secret(), f.stateAddresses(),
        Duration.ofMillis(f.heartbeatIntervalMs() > 0 ? f.heartbeatIntervalMs()
            : AgentConfig.DEFAULT_HEARTBEAT_INTERVAL.toMillis()),
        f.provider() == null ? null : f.provider().toAccess(),
        // Files written before the setting existed have none: the default.
        f.logRetentionMb() > 0 ? f.logRetentionMb() : AgentConfig.DEFAULT_LOG_RETENTION_MB);
  }
}
