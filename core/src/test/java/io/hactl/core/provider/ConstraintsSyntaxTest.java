package io.hactl.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.Constraints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintsSyntaxTest {

  @Test
  void parsesPairsInOrderAndTurnsThemIntoTheRecord() throws Exception {
    Map<String, String> pairs =
        ConstraintsSyntax.parse(" mem=4G  cores=2 root-disk=10240 instance-type=m5.large"
            + " arch=arm64 tags=ssd,fast ");

    assertThat(pairs.keySet()).containsExactly("mem", "cores", "root-disk", "instance-type",
        "arch", "tags");
    assertThat(ConstraintsSyntax.toConstraints(pairs)).isEqualTo(
        new Constraints(4096, 2, 10240, "m5.large", "arm64", List.of("ssd", "fast")));
    assertThat(ConstraintsSyntax.parse("  ")).isEmpty();
  }

  @Test
  void readsJujuSizes() throws Exception {
    assertThat(ConstraintsSyntax.toConstraints(ConstraintsSyntax.parse("mem=1.5G root-disk=1T"))
        .memoryMegabytes()).isEqualTo(1536);
    assertThat(ConstraintsSyntax.toConstraints(ConstraintsSyntax.parse("root-disk=1T"))
        .rootDiskMegabytes()).isEqualTo(1024 * 1024);
    assertThat(ConstraintsSyntax.toConstraints(ConstraintsSyntax.parse("mem=512"))
        .memoryMegabytes()).isEqualTo(512);
  }

  @Test
  void refusesUnknownKeysWithOneLineThatListsTheKnownOnesAsBadInput() {
    assertThatThrownBy(() -> ConstraintsSyntax.parse("mem=4G gpus=2"))
        .isInstanceOfSatisfying(HactlException.class, e -> {
          assertThat(e.kind()).isEqualTo(HactlException.Kind.BAD_INPUT);
          assertThat(e.kind().exitCode()).isEqualTo(2);
          assertThat(e.getMessage()).isEqualTo("invalid constraints \"mem=4G gpus=2\": unknown"
              + " constraint 'gpus' (known: mem, cores, root-disk, instance-type, arch, tags);"
              + " write KEY=VALUE pairs separated by spaces, e.g. \"mem=4G cores=2\"")
              .doesNotContain("\n");
        });
  }

  @Test
  void refusesBadSizesCountsAndSyntax() {
    assertThatThrownBy(() -> ConstraintsSyntax.parse("mem=lots"))
        .hasMessageContaining("mem=lots is not a size (use a number with M, G, T or P, e.g."
            + " mem=4G)");
    assertThatThrownBy(() -> ConstraintsSyntax.parse("mem=-1G")).hasMessageContaining("not a size");
    assertThatThrownBy(() -> ConstraintsSyntax.parse("cores=0"))
        .hasMessageContaining("cores=0 is not a positive whole number");
    assertThatThrownBy(() -> ConstraintsSyntax.parse("mem")).hasMessageContaining("'mem' is not"
        + " KEY=VALUE");
    assertThatThrownBy(() -> ConstraintsSyntax.parse("mem=")).hasMessageContaining("mem has no"
        + " value");
    assertThatThrownBy(() -> ConstraintsSyntax.parse("mem=1G mem=2G"))
        .hasMessageContaining("mem is given twice");
    assertThatThrownBy(() -> ConstraintsSyntax.parse("$where=1"))
        .hasMessageContaining("is not a constraint name");
  }
}
