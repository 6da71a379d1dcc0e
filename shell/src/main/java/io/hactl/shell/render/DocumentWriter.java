package io.hactl.shell.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Writes result documents (maps, lists and scalars built by {@link Documents}) as JSON or YAML.
 * Documents are plain maps rather than annotated records so that key names and order are spelled
 * out in one place, and Jackson is loaded only when a script asks for JSON or YAML.
 */
public final class DocumentWriter {

  private DocumentWriter() {}

  /** The document in {@code format}, ending with a newline. */
  public static String write(Object document, OutputFormat format) {
    try {
      return switch (format) {
        case JSON -> new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(document) + "\n";
        case YAML -> new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build())
            .writeValueAsString(document);
        case TABULAR -> throw new IllegalArgumentException("tabular output is not a document");
      };
    } catch (JsonProcessingException e) {
      // Documents hold only strings, numbers, booleans, lists and maps: this cannot fail.
      throw new IllegalStateException("cannot write result as " + format.flagValue(), e);
    }
  }
}
