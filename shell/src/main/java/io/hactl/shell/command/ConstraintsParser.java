package io.hactl.shell.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Juju's constraint syntax: {@code KEY=VALUE} pairs separated by spaces, e.g. {@code "mem=4G
 * cores=2"}. Only the syntax is checked here; what the keys mean is up to the provider, so an
 * unknown key is passed on, not refused. Keys are lower-case words with dashes (they become
 * field names in state, so dots and dollars must never reach it).
 */
final class ConstraintsParser {

  static final String EXAMPLE = "\"mem=4G cores=2\"";

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

  private ConstraintsParser() {}

  /**
   * The constraints in {@code text}, in the order given; empty for blank text.
   *
   * @throws IllegalArgumentException saying which pair is wrong and why
   */
  static Map<String, String> parse(String text) {
    Map<String, String> constraints = new LinkedHashMap<>();
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return Map.of();
    }
    for (String pair : trimmed.split("\\s+")) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("'" + pair + "' is not KEY=VALUE");
      }
      String key = pair.substring(0, equals);
      String value = pair.substring(equals + 1);
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("'" + key + "' is not a constraint name (lower-case"
            + " letters, digits and dashes, starting with a letter)");
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException(key + " has no value");
      }
      if (constraints.putIfAbsent(key, value) != null) {
        throw new IllegalArgumentException(key + " is given twice");
      }
    }
    return Collections.unmodifiableMap(constraints);
  }
}
