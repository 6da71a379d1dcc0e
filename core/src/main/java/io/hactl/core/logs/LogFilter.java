package io.hactl.core.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which records a reader wants, as {@code debug-log}'s flags say: within a family the values are
 * ORed (any include matches, any exclude rejects), the families are ANDed.
 *
 * <ul>
 *   <li>entities: {@code machine-1}, wildcards {@code *} and {@code ?} ({@code machine-*}); a bare
 *       machine id such as {@code 1} means {@code machine-1}
 *   <li>modules: a dotted prefix; {@code io.hactl.agent} matches itself and
 *       {@code io.hactl.agent.HeartbeatWorker}, never {@code io.hactl.agents}
 *   <li>level: the minimum level shown
 * </ul>
 *
 * @param includeEntities entity patterns of which one must match; empty: every entity
 * @param excludeEntities entity patterns none of which may match
 * @param includeModules module prefixes of which one must match; empty: every module
 * @param excludeModules module prefixes none of which may match
 * @param minimumLevel the lowest level shown
 */
public record LogFilter(List<String> includeEntities, List<String> excludeEntities,
    List<String> includeModules, List<String> excludeModules, LogLevel minimumLevel) {

  /** Every record. */
  public static final LogFilter ALL =
      new LogFilter(List.of(), List.of(), List.of(), List.of(), LogLevel.TRACE);

  private static final Pattern ENTITY_PATTERN = Pattern.compile("[A-Za-z0-9*?][A-Za-z0-9*?._-]*");
  private static final Pattern MACHINE_ID = Pattern.compile("[0-9]+");
  private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*");

  /**
   * Validates and normalises the patterns.
   *
   * @throws IllegalArgumentException naming the first bad value
   */
  public LogFilter {
    includeEntities = entities(includeEntities);
    excludeEntities = entities(excludeEntities);
    includeModules = modules(includeModules);
    excludeModules = modules(excludeModules);
    Objects.requireNonNull(minimumLevel, "minimumLevel");
  }

  /** Whether {@code record} passes every family of this filter. */
  public boolean matches(LogRecord record) {
    return record.level().atLeast(minimumLevel)
        && (includeEntities.isEmpty() || anyEntityMatches(includeEntities, record.entity()))
        && !anyEntityMatches(excludeEntities, record.entity())
        && (includeModules.isEmpty() || anyModuleMatches(includeModules, record.module()))
        && !anyModuleMatches(excludeModules, record.module());
  }

  /** Whether an entity pattern has a wildcard (else it is an exact name). */
  public static boolean isWildcard(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
  }

  /** The anchored regular expression an entity pattern stands for. */
  public static String entityRegex(String pattern) {
    StringBuilder regex = new StringBuilder("^");
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(literal(String.valueOf(c)));
      }
    }
    return regex.append('$').toString();
  }

  /**
   * {@code text} as a regular expression matching itself, in the syntax Java and MongoDB (PCRE)
   * share: every character other than a letter or digit is escaped with a backslash.
   */
  public static String literal(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /** Whether {@code module} is {@code prefix} or lies below it. */
  public static boolean moduleMatches(String prefix, String module) {
    return module.equals(prefix)
        || (module.startsWith(prefix) && module.charAt(prefix.length()) == '.');
  }

  private static boolean anyEntityMatches(List<String> patterns, String entity) {
    for (String pattern : patterns) {
      if (isWildcard(pattern) ? entity.matches(entityRegex(pattern)) : entity.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyModuleMatches(List<String> prefixes, String module) {
    return prefixes.stream().anyMatch(p -> moduleMatches(p, module));
  }

  private static List<String> entities(List<String> patterns) {
    List<String> result = new ArrayList<>();
    for (String pattern : patterns) {
      String trimmed = pattern.trim();
      if (!ENTITY_PATTERN.matcher(trimmed).matches()) {
        throw new IllegalArgumentException("invalid entity \"" + pattern
            + "\": expected a name such as machine-1, optionally with * or ? wildcards");
      }
      result.add(MACHINE_ID.matcher(trimmed).matches()
          ? LogRecord.machineEntity(trimmed) : trimmed);
    }
    return List.copyOf(result);
  }

  private static List<String> modules(List<String> prefixes) {
    for (String prefix : prefixes) {
      if (!MODULE.matcher(prefix).matches()) {
        throw new IllegalArgumentException("invalid module \"" + prefix
            + "\": expected a dotted logger name prefix such as io.hactl.agent");
      }
    }
    return List.copyOf(prefixes);
  }
}
