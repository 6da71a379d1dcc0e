package io.hactl.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s, token by token, so that every key and value keeps
 * its line and column.
 *
 * <p>Duplicate keys are detected here rather than with Jackson's {@code
 * STRICT_DUPLICATE_DETECTION}: that feature aborts at the first duplicate and places it one column
 * off, while this reader reports each duplicate at its key and carries on, so one run shows every
 * problem in the file. A syntax error does stop reading (nothing after it can be trusted); it is
 * reported at SnakeYAML's problem mark, which is more precise than Jackson's location.
 */
final class YamlTreeReader {

  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final String MERGE_KEY = "<<";

  private final Path file;
  private final List<ConfigProblem> problems;
  private final Map<String, YamlNode> anchors = new HashMap<>();
  private String lastPath = "";
  private boolean syntaxError;

  YamlTreeReader(Path file, List<ConfigProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The document's root, or empty when the text holds no document or has a syntax error. */
  Optional<YamlNode> read(String yaml) {
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      if (parser.nextToken() == null) {
        return Optional.empty();
      }
      YamlNode root = readValue(parser, "");
      if (parser.nextToken() != null) {
        problems.add(new ConfigProblem(location(parser, ""),
            "only one YAML document is allowed; remove the \"---\" separator and what follows"));
      }
      return Optional.ofNullable(root);
    } catch (JsonProcessingException e) {
      syntaxError = true;
      problems.add(syntaxProblem(e));
      return Optional.empty();
    } catch (IOException e) {
      // The source is a String: there is no real I/O that could fail.
      throw new UncheckedIOException(e);
    }
  }

  /** True when {@link #read} stopped at a syntax error (already reported). */
  boolean failedOnSyntax() {
    return syntaxError;
  }

  /** Reads the value at the current token, remembering it if it is anchored ({@code &name}). */
  private YamlNode readValue(JsonParser parser, String path) throws IOException {
    Object anchor = parser.getObjectId(); // YAML anchors are Jackson's object ids
    YamlNode value = readUnanchoredValue(parser, path);
    if (anchor != null && value != null) {
      anchors.put(anchor.toString(), value);
    }
    return value;
  }

  /** The value at the current token; null for an unknown alias, which is reported instead. */
  private YamlNode readUnanchoredValue(JsonParser parser, String path) throws IOException {
    lastPath = path;
    SourceLocation location = location(parser, path);
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String keyPath = path.isEmpty() ? key : path + "." + key;
        lastPath = keyPath;
        SourceLocation keyLocation = location(parser, keyPath);
        parser.nextToken();
        YamlNode value = readValue(parser, keyPath);
        YamlNode.Entry first = entries.get(key);
        if (key.equals(MERGE_KEY)) {
          problems.add(new ConfigProblem(keyLocation,
              "YAML merge keys (<<) are not supported; write the settings out"));
        } else if (first != null) {
          problems.add(new ConfigProblem(keyLocation, "duplicate key \"" + key
              + "\" (first written at line " + first.keyLocation().line() + "); remove one"));
        } else if (value != null) {
          entries.put(key, new YamlNode.Entry(key, keyLocation, value));
        }
      }
      return new YamlNode.Mapping(entries, location);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(readValue(parser, path + "[" + items.size() + "]"));
      }
      return new YamlNode.Sequence(items, location);
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson reports an alias as a string holding the anchor's name: resolve it here. It
      // reports anchors of maps and lists but drops those of scalars in a map, so an alias of
      // a scalar cannot be resolved and is reported rather than misread.
      YamlNode anchored = anchors.get(parser.getText());
      if (anchored == null) {
        problems.add(new ConfigProblem(location, "cannot resolve alias *" + parser.getText()
            + ": only aliases of maps and lists are supported; write the value out"));
      }
      return anchored;
    }
    return new YamlNode.Scalar(token, parser.getText(), integerOf(parser), location);
  }

  private static BigInteger integerOf(JsonParser parser) {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      return null;
    }
    try {
      return parser.getBigIntegerValue();
    } catch (IOException e) {
      return null; // a malformed integer is reported by whoever expected an integer
    }
  }

  private SourceLocation location(JsonParser parser, String path) {
    JsonLocation at = parser.currentTokenLocation();
    return new SourceLocation(file, at.getLineNr(), at.getColumnNr(), path);
  }

  private ConfigProblem syntaxProblem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Mark at = yaml.getProblemMark();
      String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
          : " (" + oneLine(yaml.getContext()) + " that starts at line "
              + (yaml.getContextMark().getLine() + 1) + ", column "
              + (yaml.getContextMark().getColumn() + 1) + ")";
      return new ConfigProblem(new SourceLocation(file, at.getLine() + 1, at.getColumn() + 1,
          lastPath), "YAML syntax error: " + oneLine(yaml.getProblem()) + context);
    }
    JsonLocation at = e.getLocation();
    return new ConfigProblem(new SourceLocation(file, at.getLineNr(), at.getColumnNr(), lastPath),
        "YAML syntax error: " + oneLine(e.getOriginalMessage()));
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
