package io.hactl.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogLevel;
import io.hactl.tui.view.LogsPane;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterSyntaxTest {

  @Test
  void readsDebugLogsFlagsLongAndShort() {
    LogFilter filter = FilterSyntax.parse("--level warning -i machine-1 --include 2"
        + " -x machine-0 --include-module io.hactl.agent --exclude-module io.hactl.agent.Noisy");

    assertThat(filter.minimumLevel()).isEqualTo(LogLevel.WARNING);
    assertThat(filter.includeEntities()).containsExactly("machine-1", "machine-2");
    assertThat(filter.excludeEntities()).containsExactly("machine-0");
    assertThat(filter.includeModules()).containsExactly("io.hactl.agent");
    assertThat(filter.excludeModules()).containsExactly("io.hactl.agent.Noisy");
  }

  @Test
  void emptyMeansEveryRecordAndTheDescriptionReadsBack() {
    assertThat(FilterSyntax.parse("  ")).isEqualTo(LogFilter.ALL);
    LogFilter filter = new LogFilter(List.of("machine-1"), List.of(), List.of(), List.of(),
        LogLevel.INFO);
    assertThat(FilterSyntax.parse(LogsPane.describe(filter))).isEqualTo(filter);
  }

  @Test
  void saysWhichFlagOrValueIsWrong() {
    assertThatThrownBy(() -> FilterSyntax.parse("--level"))
        .hasMessage("--level needs a value");
    assertThatThrownBy(() -> FilterSyntax.parse("--level loud"))
        .hasMessageContaining("unknown log level \"loud\"");
    assertThatThrownBy(() -> FilterSyntax.parse("--grep x"))
        .hasMessageStartingWith("unknown flag \"--grep\"");
    assertThatThrownBy(() -> FilterSyntax.parse("machine-1"))
        .hasMessageStartingWith("unexpected \"machine-1\"");
  }
}
