package io.hactl.plugins.local;

import io.hactl.plugin.api.SettingProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local provider's settings: {@code agent-heap}, the maximum heap of each agent JVM (passed
 * as {@code -Xmx}), and {@code mongod-path}, the mongod that controllers of {@code
 * controller-db: mongod} run (a name on {@code PATH}, {@code mongod} by default, or a path).
 * Any other key is reported, so that a typo never passes silently.
 */
final class LocalSettings {
  static final String AGENT_HEAP = "agent-heap";
  static final String MONGOD_PATH = "mongod-path";
  static final String DEFAULT_MONGOD = "mongod";

  /** A JVM size as {@code -Xmx} takes it, with a unit so that "128" is not read as 128 bytes. */
  private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,6})([kKmMgG])");

  /** Below this an agent with an embedded replica-set member cannot start. */
  private static final long MIN_HEAP_BYTES = 32L << 20;

  private LocalSettings() {}

  static List<SettingProblem> validate(Map<String, String> settings) {
    List<SettingProblem> problems = new ArrayList<>();
    settings.keySet().stream()
        .sorted()
        .filter(key -> !key.equals(AGENT_HEAP) && !key.equals(MONGOD_PATH))
        .forEach(key -> problems.add(new SettingProblem(
            key, "unknown setting for provider local; the settings are " + AGENT_HEAP + " and "
                + MONGOD_PATH)));
    String heap = settings.get(AGENT_HEAP);
    if (heap != null && heapBytes(heap).filter(bytes -> bytes >= MIN_HEAP_BYTES).isEmpty()) {
      problems.add(new SettingProblem(AGENT_HEAP,
          "must be a JVM heap size of at least 32m, such as 128m or 1g; got \"" + heap + "\""));
    }
    String mongod = settings.get(MONGOD_PATH);
    if (mongod != null && mongod.isBlank()) {
      problems.add(new SettingProblem(MONGOD_PATH,
          "must name mongod on PATH or give its path, such as /usr/bin/mongod; got nothing"));
    }
    return problems;
  }

  /**
   * The mongod controllers run when the environment says {@code controller-db: mongod}; the
   * agent checks it exists only then, since the provider does not know which member the
   * environment runs.
   */
  static String mongodPath(Map<String, String> settings) {
    String mongod = settings.get(MONGOD_PATH);
    return mongod == null ? DEFAULT_MONGOD : mongod.trim();
  }

  /** The JVM options the settings add to every agent; settings are already validated. */
  static List<String> jvmOptions(Map<String, String> settings) {
    String heap = settings.get(AGENT_HEAP);
    return heap == null ? List.of() : List.of("-Xmx" + heap.trim());
  }

  private static Optional<Long> heapBytes(String value) {
    Matcher matcher = SIZE.matcher(value.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long number = Long.parseLong(matcher.group(1));
    int shift = switch (Character.toLowerCase(matcher.group(2).charAt(0))) {
      case 'k' -> 10;
      case 'm' -> 20;
      default -> 30;
    };
    return Optional.of(number << shift);
  }
}
