package io.hactl.agent.logging;

import io.hactl.core.logs.LogLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The lowest level logged per logger, from {@code agent-logging.properties} on the class path:
 * {@code default=info} plus one line per dotted logger prefix ({@code org.mongodb.driver=warn});
 * the longest matching prefix wins. The system property {@code hactl.agent.logLevel} overrides the
 * default.
 */
final class LogLevels {

  static final String RESOURCE = "/agent-logging.properties";

  private final LogLevel defaultLevel;
  private final Map<String, LogLevel> byPrefix;

  LogLevels(LogLevel defaultLevel, Map<String, LogLevel> byPrefix) {
    this.defaultLevel = defaultLevel;
    this.byPrefix = new TreeMap<>(byPrefix);
  }

  static LogLevels load() {
    Properties properties = new Properties();
    try (InputStream in = LogLevels.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    LogLevel byDefault = LogLevel.parse(System.getProperty("hactl.agent.logLevel",
        properties.getProperty("default", "info")));
    Map<String, LogLevel> prefixes = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.equals("default")) {
        prefixes.put(key, LogLevel.parse(properties.getProperty(key)));
      }
    }
    return new LogLevels(byDefault, prefixes);
  }

  /** The lowest level logged by {@code logger}. */
  LogLevel threshold(String logger) {
    String best = null;
    for (String prefix : byPrefix.keySet()) {
      boolean matches = logger.equals(prefix) || logger.startsWith(prefix + ".");
      if (matches && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? defaultLevel : byPrefix.get(best);
  }
}
