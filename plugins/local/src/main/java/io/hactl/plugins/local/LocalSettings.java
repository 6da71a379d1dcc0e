package io.hactl.plugins.local;

import io.hactl.plugin.api.SettingProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local provider's settings. There is one: {@code agent-heap}, the maximum heap of each agent
 * JVM (passed as {@code -Xmx}). Any other key is reported, so that a typo never passes silently.
 */
final class LocalSettings {
  static final String AGENT_HEAP = "agent-heap";

  /** A JVM size as {@code -Xmx} takes it, with a unit so that "128" is not read as 128 bytes. */
  private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,6})([kKmMgG])");

  /** Below this an agent with an embedded replica-set member cannot start. */
  private static final long MIN_HEAP_BYTES = 32L << 20;

  private LocalSettings() {}

  static List<SettingProblem> validate(Map<String, String> settings) {
    List<SettingProblem> problems = new ArrayList<>();
    settings.keySet().stream()
        .sorted()
        .filter(key -> !key.equals(AGENT_HEAP))
        .forEach(key -> problems.add(new SettingProblem(
            key, "unknown setting for provider local; the only setting is " + AGENT_HEAP)));
    String heap = settings.get(AGENT_HEAP);
    if (heap != null && heapBytes(heap).filter(bytes -> bytes >= MIN_HEAP_BYTES).isEmpty()) {
      problems.add(new SettingProblem(AGENT_HEAP,
          "must be a JVM heap size of at least 32m, such as 128m or 1g; got \"" + heap + "\""));
    }
    return problems;
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
