package io.hactl.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every environment of one environments.yaml, validated.
 *
 * <p>The name given by {@code default:} is the component {@code defaultName}: the accessor a
 * component {@code defaultEnvironment} would have would clash with {@link #defaultEnvironment()},
 * which is what callers want.
 *
 * @param defaultName the name given by {@code default:}, or null when there is none
 * @param environments the environments by name, in the order written
 * @param source the file they came from, or null for the built-in configuration
 */
public record Environments(
    String defaultName, Map<String, EnvironmentConfig> environments, Path source) {

  /** The single environment hactl offers when there is no environments.yaml. */
  public static final String BUILT_IN_NAME = "local";

  public Environments {
    environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    if (defaultName != null && !environments.containsKey(defaultName)) {
      throw new IllegalArgumentException("default environment \"" + defaultName
          + "\" is not one of " + environments.keySet());
    }
  }

  /**
   * One environment, {@code local}, on the local provider with an embedded controller database,
   * and every other setting at its default.
   */
  public static Environments builtIn() {
    EnvironmentConfig local = EnvironmentReader.assemble(BUILT_IN_NAME,
        Map.of(CommonKey.TYPE, CommonKey.LOCAL_PROVIDER), Map.of(), Map.of());
    return new Environments(BUILT_IN_NAME, Map.of(BUILT_IN_NAME, local), null);
  }

  /**
   * The environment called {@code name}.
   *
   * @throws ConfigException when there is none, naming the ones there are
   */
  public EnvironmentConfig get(String name) throws ConfigException {
    EnvironmentConfig environment = environments.get(name);
    if (environment == null) {
      SourceLocation where = new SourceLocation(source, 0, 0, "environments");
      throw new ConfigException(source, List.of(new ConfigProblem(where,
          "unknown environment \"" + name + "\"; known: " + String.join(", ", names()))));
    }
    return environment;
  }

  /** The environment named by {@code default:}, else the only one if there is exactly one. */
  public Optional<EnvironmentConfig> defaultEnvironment() {
    if (defaultName != null) {
      return Optional.of(environments.get(defaultName));
    }
    if (environments.size() == 1) {
      return Optional.of(environments.values().iterator().next());
    }
    return Optional.empty();
  }

  /** The environments' names, in the order written. */
  public List<String> names() {
    return List.copyOf(environments.keySet());
  }
}
