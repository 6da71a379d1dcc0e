package io.hactl.tui;

import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The log pane's filter typed as {@code debug-log}'s flags, so an operator types what they
 * already know: {@code --level warning --include machine-1 --exclude machine-2},
 * {@code --include-module io.hactl.agent}, {@code --exclude-module ...}. Empty means every record.
 */
final class FilterSyntax {

  private FilterSyntax() {}

  /** @throws IllegalArgumentException saying which flag or value is wrong */
  static LogFilter parse(String text) {
    List<String> include = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    List<String> includeModules = new ArrayList<>();
    List<String> excludeModules = new ArrayList<>();
    LogLevel level = LogLevel.TRACE;
    String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String flag = words[i];
      if (i + 1 >= words.length) {
        throw new IllegalArgumentException(flag.startsWith("-") ? flag + " needs a value"
            : "unexpected \"" + flag + "\": use --level, --include, --exclude,"
                + " --include-module or --exclude-module");
      }
      String value = words[++i];
      switch (flag) {
        case "--level", "-l" -> level = LogLevel.parse(value);
        case "--include", "-i" -> include.add(value);
        case "--exclude", "-x" -> exclude.add(value);
        case "--include-module" -> includeModules.add(value);
        case "--exclude-module" -> excludeModules.add(value);
        default -> throw new IllegalArgumentException("unknown flag \"" + flag
            + "\": use --level, --include, --exclude, --include-module or --exclude-module");
      }
    }
    return new LogFilter(include, exclude, includeModules, excludeModules, level);
  }
}
