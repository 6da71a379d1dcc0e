package io.hactl.shell.command;

import io.hactl.shell.render.OutputFormat;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --format tabular|yaml|json} for commands that print a result. */
public final class FormatOption {

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tabular",
      converter = FormatConverter.class, completionCandidates = FormatCandidates.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  public OutputFormat format() {
    return format;
  }

  /** Accepts the lower-case spellings users type. */
  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return parse(value, List.of("tabular", "yaml", "json"));
    }
  }

  /**
   * One of the {@code allowed} spellings as a format; {@code simple} is the text format of
   * commands whose human output is a few lines rather than a table (as in Juju's enable-ha).
   */
  static OutputFormat parse(String value, List<String> allowed) {
    String spelling = value.toLowerCase(Locale.ROOT);
    if (allowed.contains(spelling)) {
      return spelling.equals("simple") ? OutputFormat.TABULAR
          : OutputFormat.valueOf(spelling.toUpperCase(Locale.ROOT));
    }
    throw new TypeConversionException(
        "expected one of " + String.join(", ", allowed) + " but was '" + value + "'");
  }

  /** The values for help text and tab completion. */
  static final class FormatCandidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("tabular", "yaml", "json").iterator();
    }
  }
}
