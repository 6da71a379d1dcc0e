package io.hactl.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads environments.yaml (Juju 1.x layout) into {@link Environments}:
 *
 * <pre>{@code
 * default: prod                  # optional when there is one environment
 * environments:
 *   prod:
 *     type: local                # required: the provider
 *     controller-db: embedded    # embedded (default) | mongod
 *     state-port: 0              # 0..65535; default 0 for local (provider picks), else 37017
 *     bind-address: 127.0.0.1    # a literal IPv4/IPv6 address; default 127.0.0.1
 *     region: eu-west-1          # any other scalar key is a provider setting
 * }</pre>
 *
 * <p>Validation reports every problem in the file, each at the line and column of the offending
 * key or value, in one {@link ConfigException}.
 */
public final class EnvironmentsLoader {

  private static final String DEFAULT = "default";
  private static final String ENVIRONMENTS = "environments";
  private static final List<String> TOP_LEVEL_KEYS = List.of(DEFAULT, ENVIRONMENTS);

  private EnvironmentsLoader() {}

  /**
   * Reads {@code file}; when it does not exist, the {@linkplain Environments#builtIn() built-in}
   * configuration.
   */
  public static Environments load(Path file) throws ConfigException {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Environments.builtIn();
    } catch (MalformedInputException e) {
      throw single(file, "cannot read the file: it is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      throw single(file, "cannot read the file (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "); check that it is a readable file");
    }
    return parse(yaml, file);
  }

  /**
   * Validates {@code yaml}.
   *
   * @param nameForMessages the file name problems are reported against
   */
  public static Environments parse(String yaml, Path nameForMessages) throws ConfigException {
    List<ConfigProblem> problems = new ArrayList<>();
    YamlTreeReader reader = new YamlTreeReader(nameForMessages, problems);
    Optional<YamlNode> root = reader.read(yaml);
    if (root.isEmpty() && !reader.failedOnSyntax()) {
      problems.add(new ConfigProblem(new SourceLocation(nameForMessages, 1, 1, ""),
          "the file holds no settings; define environments under \"environments:\", or delete"
              + " the file to use the built-in \"local\" environment"));
    }
    Environments environments = root.map(r -> validate(r, nameForMessages, problems)).orElse(null);
    if (!problems.isEmpty()) {
      // Checks run key by key, then per environment: file order is easier to work through.
      problems.sort(Comparator.comparingInt((ConfigProblem p) -> p.location().line())
          .thenComparingInt(p -> p.location().column()));
      throw new ConfigException(nameForMessages, problems);
    }
    return environments;
  }

  private static Environments validate(YamlNode root, Path file, List<ConfigProblem> problems) {
    if (!(root instanceof YamlNode.Mapping top)) {
      problems.add(new ConfigProblem(root.location(), "expected a map with the keys "
          + String.join(", ", TOP_LEVEL_KEYS) + ", got " + root.describe()));
      return null;
    }
    for (YamlNode.Entry entry : top.entries().values()) {
      if (!TOP_LEVEL_KEYS.contains(entry.key())) {
        problems.add(new ConfigProblem(entry.keyLocation(), "unknown key \"" + entry.key() + "\""
            + KeySuggestions.didYouMean(entry.key(), TOP_LEVEL_KEYS)
            + "; known keys: " + String.join(", ", TOP_LEVEL_KEYS)));
      }
    }
    Map<String, EnvironmentConfig> environments = readEnvironments(top, file, problems);
    String defaultName = readDefault(top.entries().get(DEFAULT), top, problems);
    return problems.isEmpty() ? new Environments(defaultName, environments, file) : null;
  }

  private static Map<String, EnvironmentConfig> readEnvironments(YamlNode.Mapping top, Path file,
      List<ConfigProblem> problems) {
    Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
    YamlNode.Entry entry = top.entries().get(ENVIRONMENTS);
    if (entry == null) {
      problems.add(new ConfigProblem(new SourceLocation(file, 1, 1, ENVIRONMENTS),
          "missing required key \"environments\": a map of environment names to settings"));
    } else if (!(entry.value() instanceof YamlNode.Mapping map) || map.entries().isEmpty()) {
      problems.add(new ConfigProblem(entry.value().location(), "expected at least one"
          + " environment, such as \"local: {type: local}\", got " + entry.value().describe()));
    } else {
      EnvironmentReader reader = new EnvironmentReader(problems);
      for (YamlNode.Entry environment : map.entries().values()) {
        reader.read(environment).ifPresent(e -> environments.put(e.name(), e));
      }
    }
    return environments;
  }

  /** The default's name, checked against the environments written (valid or not). */
  private static String readDefault(YamlNode.Entry entry, YamlNode.Mapping top,
      List<ConfigProblem> problems) {
    if (entry == null) {
      return null;
    }
    List<String> written = top.entries().get(ENVIRONMENTS) != null
        && top.entries().get(ENVIRONMENTS).value() instanceof YamlNode.Mapping map
        ? List.copyOf(map.entries().keySet()) : List.of();
    if (written.isEmpty()) {
      return null; // the missing environments are reported already; this would only repeat it
    }
    String known = String.join(", ", written);
    if (!(entry.value() instanceof YamlNode.Scalar scalar) || scalar.isEmpty()) {
      problems.add(new ConfigProblem(entry.value().location(), "expected the name of an"
          + " environment (known: " + known + "), got " + entry.value().describe()));
      return null;
    }
    if (!written.contains(scalar.text())) {
      problems.add(new ConfigProblem(scalar.location(), "default environment \"" + scalar.text()
          + "\" is not defined" + KeySuggestions.didYouMean(scalar.text(), written)
          + "; known: " + known));
      return null;
    }
    return scalar.text();
  }

  private static ConfigException single(Path file, String message) {
    return new ConfigException(file,
        List.of(new ConfigProblem(new SourceLocation(file, 0, 0, ""), message)));
  }
}
