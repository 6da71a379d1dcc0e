package io.hactl.config;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written. Jackson's own tree drops token locations, so
 * {@link YamlTreeReader} builds this one instead; validation never sees anything rawer.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

  /** Where the value starts; its yaml path is the path of the key that holds it. */
  SourceLocation location();

  /** How the value reads in a message: a string quoted, a number as is, others by kind. */
  String describe();

  /**
   * A scalar exactly as written.
   *
   * @param token how YAML typed it (string, integer, float, boolean, null)
   * @param text the text as written (empty for {@code key:} with nothing after it)
   * @param integer the value when {@code token} is an integer, else null
   */
  record Scalar(JsonToken token, String text, BigInteger integer, SourceLocation location)
      implements YamlNode {

    /** True for {@code ~}, {@code null} and a key with nothing after it. */
    boolean isEmpty() {
      return token == JsonToken.VALUE_NULL || text.isEmpty();
    }

    @Override
    public String describe() {
      if (isEmpty()) {
        return "nothing";
      }
      return token == JsonToken.VALUE_STRING ? "\"" + text + "\"" : text;
    }
  }

  /** A key as written, with its value. */
  record Entry(String key, SourceLocation keyLocation, YamlNode value) {}

  /** A mapping in the order written; duplicate keys were reported and dropped by the reader. */
  record Mapping(Map<String, Entry> entries, SourceLocation location) implements YamlNode {
    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A sequence; hactl accepts none, but still reports where one was written. */
  record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }
}
