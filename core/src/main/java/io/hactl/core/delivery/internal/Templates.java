package io.hactl.core.delivery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The shell scripts of the user data, kept as resources so they can be read and linted alone. */
public final class Templates {

  private Templates() {}

  /** The resource {@code name} beside this package's parent, with {@code @KEY@} replaced. */
  public static String fill(String name, Map<String, String> values) {
    String text = read(name);
    for (Map.Entry<String, String> value : values.entrySet()) {
      String placeholder = "@" + value.getKey() + "@";
      if (!text.contains(placeholder)) {
        throw new IllegalStateException(name + " has no placeholder " + placeholder);
      }
      text = text.replace(placeholder, value.getValue());
    }
    return text;
  }

  static String read(String name) {
    try (InputStream in = Templates.class.getResourceAsStream("/io/hactl/core/delivery/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} as one single-quoted shell word. */
  public static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
