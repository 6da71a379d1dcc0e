package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.ProviderException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceTypesTest {
  private static final Optional<String> AMD64 = Optional.of("amd64");

  private static String choose(long memory, int cores, String type, String arch)
      throws ProviderException {
    return InstanceTypes.choose(new Constraints(memory, cores, 0, type, arch, List.of()), AMD64,
        Optional.empty());
  }

  @Test
  void noConstraintsGetEnoughMemoryForAnAgentAndItsMember() throws Exception {
    assertThat(InstanceTypes.choose(Constraints.NONE, AMD64, Optional.empty()))
        .isEqualTo("t3.small");
    assertThat(InstanceTypes.choose(Constraints.NONE, Optional.of("arm64"), Optional.empty()))
        .isEqualTo("t4g.small");
    assertThat(InstanceTypes.choose(Constraints.NONE, Optional.empty(), Optional.empty()))
        .isEqualTo("t3.small");
  }

  @Test
  void theDefaultInstanceTypeSettingServesWhenNothingIsAsked() throws Exception {
    assertThat(InstanceTypes.choose(Constraints.NONE, AMD64, Optional.of("m6i.large")))
        .isEqualTo("m6i.large");
    assertThat(InstanceTypes.choose(new Constraints(4096, 0, 0, null, null, List.of()), AMD64,
        Optional.of("m6i.large"))).isEqualTo("t3.medium");
  }

  @Test
  void picksTheFirstTypeMeetingMemoryAndCores() throws Exception {
    assertThat(choose(512, 0, null, null)).isEqualTo("t3.nano");
    assertThat(choose(4096, 2, null, null)).isEqualTo("t3.medium");
    assertThat(choose(4097, 0, null, null)).isEqualTo("t3.large");
    assertThat(choose(16384, 0, null, null)).isEqualTo("r5.large");
    assertThat(choose(0, 4, null, null)).isEqualTo("t3.xlarge");
    assertThat(choose(0, 16, null, null)).isEqualTo("c5.4xlarge");
    assertThat(choose(0, 96, null, null)).isEqualTo("m5.24xlarge");
    assertThat(choose(786432, 0, null, null)).isEqualTo("r5.24xlarge");
  }

  @Test
  void everyTableRowIsCheaperOrBiggerThanTheOnesAfterIt() {
    // No row may be dominated by a later one (at least as big in both): it would never win.
    List<InstanceTypes.Type> table = InstanceTypes.TABLE;
    for (int i = 0; i < table.size(); i++) {
      for (int j = i + 1; j < table.size(); j++) {
        InstanceTypes.Type earlier = table.get(i);
        InstanceTypes.Type later = table.get(j);
        if (earlier.arch().equals(later.arch())) {
          assertThat(earlier.memoryMegabytes() >= later.memoryMegabytes()
              && earlier.cores() >= later.cores())
              .as("%s is at least as big as the later %s", earlier.name(), later.name())
              .isFalse();
        }
      }
    }
  }

  @Test
  void usesANamedTypeAsGivenAndChecksItWhenKnown() throws Exception {
    assertThat(choose(0, 0, "x2iedn.metal", null)).isEqualTo("x2iedn.metal");
    assertThat(choose(8192, 2, "t3.large", "amd64")).isEqualTo("t3.large");
    assertThatThrownBy(() -> choose(0, 4, "t3.large", null))
        .hasMessage("cannot satisfy cores=4 instance-type=t3.large: instance type t3.large has"
            + " 8192M, 2 cores, amd64; drop instance-type or the other constraints");
  }

  @Test
  void refusesWhatNoTypeOrImageCanGive() {
    assertThatThrownBy(() -> choose(0, 128, null, null))
        .isInstanceOf(ProviderException.class)
        .hasMessage("cannot satisfy cores=128: no amd64 instance type in hactl's aws table has"
            + " that much (largest: r5.24xlarge with 786432M and 96 cores); ask for less or name"
            + " a type with instance-type=");
    assertThatThrownBy(() -> InstanceTypes.choose(
        new Constraints(0, 0, 0, null, "riscv64", List.of()), Optional.empty(), Optional.empty()))
        .hasMessage("cannot satisfy arch=riscv64: hactl's aws instance types are amd64 and"
            + " arm64; name one with instance-type=");
    assertThatThrownBy(() -> choose(0, 0, "t4g.small", "amd64"))
        .hasMessageContaining("instance type t4g.small has 2048M, 2 cores, arm64");
  }
}
