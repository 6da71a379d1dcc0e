package io.hactl.plugins.maas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader for MAAS's answers: objects become {@code Map<String, Object>},
 * arrays {@code List<Object>}, numbers {@link BigDecimal}, plus {@code String}, {@code Boolean}
 * and {@code null}.
 *
 * <p>Why hand-written: PF4J's jar loader gives a plugin only its own jar, so a JSON library would
 * have to be shaded into it; the plugin reads a handful of fields from a well-formed API and this
 * keeps it free of runtime dependencies.
 */
final class Json {
  /** Guards against a hostile or broken server sending absurdly deep nesting. */
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int position;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value that must span the whole text (whitespace aside).
   *
   * @throws IllegalArgumentException with the offset of the first error
   */
  static Object parse(String text) {
    Json parser = new Json(text);
    Object value = parser.value(0);
    parser.skipWhitespace();
    if (parser.position != text.length()) {
      throw parser.error("unexpected text after the value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    skipWhitespace();
    if (position >= text.length()) {
      throw error("unexpected end of text");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object(int depth) {
    position++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      members.put(name, value(depth + 1));
      skipWhitespace();
      char next = peek();
      position++;
      if (next == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (next != ',') {
        position--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    position++;
    List<Object> items = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      items.add(value(depth + 1));
      skipWhitespace();
      char next = peek();
      position++;
      if (next == ']') {
        return Collections.unmodifiableList(items);
      }
      if (next != ',') {
        position--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    position++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (position >= text.length()) {
        throw error("unterminated escape");
      }
      char escaped = text.charAt(position++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad \\u escape");
          }
          position += 4;
        }
        default -> throw error("bad escape '\\" + escaped + "'");
      }
    }
  }

  private BigDecimal number() {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    try {
      return new BigDecimal(text.substring(start, position));
    } catch (NumberFormatException e) {
      position = start;
      throw error("bad number");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("unexpected word");
    }
    position += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    position++;
  }

  private char peek() {
    if (position >= text.length()) {
      throw error("unexpected end of text");
    }
    return text.charAt(position);
  }

  private void skipWhitespace() {
    while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid JSON at offset " + position + ": " + what);
  }
}
