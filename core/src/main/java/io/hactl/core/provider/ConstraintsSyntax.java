package io.hactl.core.provider;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.Constraints;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Juju's constraint syntax, parsed once for every command and provider: text such as {@code
 * "mem=4G cores=2 instance-type=m5.large"} becomes checked {@code KEY=VALUE} pairs (as kept in
 * state with the machine), and pairs become the SPI's {@link Constraints} record, so that every
 * provider receives them already checked. Unknown keys and bad sizes are refused with one line
 * naming the pair.
 *
 * <pre>{@code
 * Map<String, String> pairs = ConstraintsSyntax.parse("mem=4G cores=2");   // stored in state
 * Constraints c = ConstraintsSyntax.toConstraints(pairs);                 // given to providers
 * }</pre>
 */
public final class ConstraintsSyntax {

  /** The keys hactl understands, in the order they are documented. */
  public static final List<String> KEYS =
      List.of("mem", "cores", "root-disk", "instance-type", "arch", "tags");

  /** An example for help texts and error messages. */
  public static final String EXAMPLE = "\"mem=4G cores=2\"";

  /**
   * Keys are lower-case words with dashes: they become field names in state, so dots and dollars
   * must never reach it.
   */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

  private ConstraintsSyntax() {}

  /**
   * The constraints in {@code text}, checked, in the order given; empty for blank text.
   *
   * @throws HactlException BAD_INPUT (exit code 2) naming the pair that is wrong and why
   */
  public static Map<String, String> parse(String text) throws HactlException {
    try {
      Map<String, String> pairs = pairs(text);
      toConstraints(pairs);
      return pairs;
    } catch (IllegalArgumentException e) {
      throw HactlException.badInput("invalid constraints \"" + text.strip() + "\": "
          + e.getMessage() + "; write KEY=VALUE pairs separated by spaces, e.g. " + EXAMPLE);
    }
  }

  /** The pairs of {@code text}, syntax only; unknown keys pass here and fail in the record. */
  private static Map<String, String> pairs(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return Map.of();
    }
    Map<String, String> pairs = new LinkedHashMap<>();
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
      if (pairs.putIfAbsent(key, value) != null) {
        throw new IllegalArgumentException(key + " is given twice");
      }
    }
    return Collections.unmodifiableMap(pairs);
  }

  /**
   * The record for {@code pairs}.
   *
   * @throws IllegalArgumentException naming the key and the value that are wrong
   */
  public static Constraints toConstraints(Map<String, String> pairs) {
    long mem = 0;
    int cores = 0;
    long rootDisk = 0;
    String instanceType = null;
    String arch = null;
    List<String> tags = List.of();
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      String value = pair.getValue();
      switch (pair.getKey()) {
        case "mem" -> mem = megabytes("mem", value);
        case "cores" -> cores = positiveInt("cores", value);
        case "root-disk" -> rootDisk = megabytes("root-disk", value);
        case "instance-type" -> instanceType = value;
        case "arch" -> arch = value;
        case "tags" -> tags = Arrays.stream(value.split(",")).map(String::strip)
            .filter(tag -> !tag.isEmpty()).toList();
        default -> throw new IllegalArgumentException("unknown constraint '" + pair.getKey()
            + "' (known: " + String.join(", ", KEYS) + ")");
      }
    }
    return new Constraints(mem, cores, rootDisk, instanceType, arch, tags);
  }

  /** Juju's sizes: a number with an optional M, G, T or P suffix (MiB when none). */
  static long megabytes(String key, String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    long factor = 1;
    char last = upper.isEmpty() ? ' ' : upper.charAt(upper.length() - 1);
    switch (last) {
      case 'M' -> factor = 1;
      case 'G' -> factor = 1024;
      case 'T' -> factor = 1024L * 1024;
      case 'P' -> factor = 1024L * 1024 * 1024;
      default -> last = 0;
    }
    String digits = last == 0 ? upper : upper.substring(0, upper.length() - 1);
    try {
      double amount = Double.parseDouble(digits);
      if (amount <= 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
        throw new NumberFormatException();
      }
      return (long) Math.ceil(amount * factor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value
          + " is not a size (use a number with M, G, T or P, e.g. " + key + "=4G)");
    }
  }

  private static int positiveInt(String key, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number <= 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + " is not a positive whole number");
    }
  }
}
