package io.hactl.config;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates one entry of {@code environments:} into an {@link EnvironmentConfig}, adding every
 * problem it finds to a shared list rather than stopping at the first.
 */
final class EnvironmentReader {

  private final List<ConfigProblem> problems;

  EnvironmentReader(List<ConfigProblem> problems) {
    this.problems = problems;
  }

  /** The environment, or empty when it has problems (all of them reported). */
  Optional<EnvironmentConfig> read(YamlNode.Entry environment) {
    int before = problems.size();
    String name = environment.key();
    if (!ScalarReaders.NAME.matcher(name).matches()) {
      problems.add(new ConfigProblem(environment.keyLocation(), "invalid environment name \""
          + name + "\"; use 1-63 lowercase letters, digits and '-', starting with a letter"));
    }
    if (!(environment.value() instanceof YamlNode.Mapping settings)) {
      problems.add(new ConfigProblem(environment.value().location(), "expected a map of settings"
          + " with at least \"type:\", got " + environment.value().describe()));
      return Optional.empty();
    }
    Map<CommonKey, Object> values = new EnumMap<>(CommonKey.class);
    Map<String, String> providerSettings = new LinkedHashMap<>();
    Map<String, SourceLocation> locations = new LinkedHashMap<>();
    for (YamlNode.Entry entry : settings.entries().values()) {
      locations.put(entry.key(), entry.keyLocation());
      Optional<CommonKey> common = CommonKey.byKey(entry.key());
      if (common.isPresent()) {
        readCommon(common.get(), entry.value()).ifPresent(v -> values.put(common.get(), v));
      } else if (entry.value() instanceof YamlNode.Scalar scalar) {
        providerSettings.put(entry.key(), scalar.isEmpty() ? "" : scalar.text());
      } else {
        problems.add(new ConfigProblem(entry.value().location(), "provider settings must be"
            + " scalars (text, numbers or booleans), got " + entry.value().describe()));
      }
    }
    for (CommonKey key : CommonKey.values()) {
      if (key.required() && !locations.containsKey(key.key())) {
        problems.add(new ConfigProblem(environment.keyLocation(), "missing required key \""
            + key.key() + "\": " + key.expected()));
      }
    }
    requireTogether(CommonKey.AGENT_URL, CommonKey.AGENT_SHA256, locations);
    requireTogether(CommonKey.AGENT_SHA256, CommonKey.AGENT_URL, locations);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(assemble(name, values, providerSettings, locations));
  }

  /** Builds a config from the values given, taking every other common key's default. */
  static EnvironmentConfig assemble(String name, Map<CommonKey, Object> values,
      Map<String, String> providerSettings, Map<String, SourceLocation> locations) {
    String type = (String) values.get(CommonKey.TYPE);
    Map<CommonKey, Object> all = new EnumMap<>(CommonKey.class);
    for (CommonKey key : CommonKey.values()) {
      all.put(key, values.containsKey(key) ? values.get(key) : key.defaultFor(type));
    }
    return new EnvironmentConfig(name, type,
        (ControllerDb) all.get(CommonKey.CONTROLLER_DB),
        (Integer) all.get(CommonKey.STATE_PORT),
        (String) all.get(CommonKey.BIND_ADDRESS),
        providerSettings, locations, (Integer) all.get(CommonKey.LOG_RETENTION_MB),
        new AgentDelivery((URI) all.get(CommonKey.AGENT_URL),
            (String) all.get(CommonKey.AGENT_SHA256), (Integer) all.get(CommonKey.AGENT_PORT),
            (String) all.get(CommonKey.BOOTSTRAP_AGENT_ADDRESS)),
        (Duration) all.get(CommonKey.BACKUP_SCHEDULE), (Integer) all.get(CommonKey.BACKUP_KEEP));
  }

  /** A download is only trusted with its checksum, and a checksum means nothing without it. */
  private void requireTogether(CommonKey present, CommonKey needed,
      Map<String, SourceLocation> locations) {
    if (locations.containsKey(present.key()) && !locations.containsKey(needed.key())) {
      problems.add(new ConfigProblem(locations.get(present.key()), "\"" + present.key()
          + "\" needs \"" + needed.key() + "\": " + needed.expected()));
    }
  }

  private Optional<Object> readCommon(CommonKey key, YamlNode value) {
    Object read = value instanceof YamlNode.Scalar scalar ? key.read(scalar) : null;
    if (read == null) {
      problems.add(new ConfigProblem(value.location(),
          "expected " + key.expected() + ", got " + value.describe()));
    }
    return Optional.ofNullable(read);
  }
}
