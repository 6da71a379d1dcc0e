package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {

  private static final Path FILE = Path.of("home", "environments.yaml");

  @Test
  void messageIsASummaryLineThenOneLinePerProblem() {
    ConfigException e = new ConfigException(FILE, List.of(
        new ConfigProblem(new SourceLocation(FILE, 3, 5, "environments.a.type"), "first"),
        new ConfigProblem(new SourceLocation(FILE, 1, 1, ""), "second")));

    assertThat(e.getMessage()).isEqualTo("invalid configuration in " + FILE + ": 2 problems\n"
        + FILE + ":3:5: environments.a.type: first\n"
        + FILE + ":1:1: second");
  }

  @Test
  void saysProblemInTheSingularAndNamesTheBuiltInConfiguration() {
    ConfigException e = new ConfigException(null, List.of(
        new ConfigProblem(new SourceLocation(null, 0, 0, "environments"), "unknown")));

    assertThat(e.getMessage()).isEqualTo("invalid configuration in the built-in configuration:"
        + " 1 problem\n<built-in>: environments: unknown");
  }

  @Test
  void needsAtLeastOneProblem() {
    assertThatThrownBy(() -> new ConfigException(FILE, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
