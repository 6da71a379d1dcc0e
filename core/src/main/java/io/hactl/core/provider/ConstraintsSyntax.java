package io.hactl.core.provider;

import io.hactl.plugin.api.Constraints;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns constraints as kept in state ({@code mem=4G}, {@code cores=2}, ...) into the SPI's
 * {@link Constraints} record, so that every provider receives them already checked.
 */
public final class ConstraintsSyntax {

  /** The keys hactl understands, in the order they are documented. */
  public static final List<String> KEYS =
      List.of("mem", "cores", "root-disk", "instance-type", "arch", "tags");

  private ConstraintsSyntax() {}

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
