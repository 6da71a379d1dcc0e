package io.hactl.shell.command;

import io.hactl.shell.render.OutputFormat;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --format simple|yaml|json} for commands whose human output is a few lines, not a
 * table ({@code enable-ha}, as in Juju). {@code simple} is reported as {@link
 * OutputFormat#TABULAR}: the command's own text.
 */
public final class SimpleFormatOption {

  static final List<String> SPELLINGS = List.of("simple", "yaml", "json");

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "simple",
      converter = Converter.class, completionCandidates = Candidates.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  public OutputFormat format() {
    return format;
  }

  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return FormatOption.parse(value, SPELLINGS);
    }
  }

  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SPELLINGS.iterator();
    }
  }
}
