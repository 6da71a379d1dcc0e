package io.hactl.shell.command;

import io.hactl.shell.render.OutputFormat;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --format yaml|json} for commands whose result is a nested document with no sensible
 * table ({@code show-controller}, as in Juju); YAML is the default because people read it too.
 */
public final class DocumentFormatOption {

  static final List<String> SPELLINGS = List.of("yaml", "json");

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
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
