package io.hactl.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.config.HactlPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HactlCoreTest {

  @TempDir
  Path home;

  private HactlCore open(String environmentsYaml) throws Exception {
    HactlPaths paths = new HactlPaths(home.resolve("environments.yaml"), home.resolve("data"));
    Files.writeString(paths.configFile(), environmentsYaml);
    return HactlCore.open(paths, InstallLayout.fromSystemProperties(home.resolve("plugins")));
  }

  @Test
  void listsEnvironmentsWhenNoneIsCurrentAndMarksNoneCurrent() throws Exception {
    try (HactlCore core = open("""
        environments:
          dev: {type: local}
          lab: {type: local}
        """)) {
      List<EnvironmentSummary> all = core.listEnvironments();

      assertThat(all).extracting(EnvironmentSummary::name).containsExactly("dev", "lab");
      assertThat(all).noneMatch(EnvironmentSummary::current);
      assertThat(all).noneMatch(EnvironmentSummary::isDefault);
      assertThatThrownBy(core::currentEnvironmentName)
          .isInstanceOf(HactlException.class)
          .hasMessageStartingWith("no environment chosen");
    }
  }

  @Test
  void theSwitchedToEnvironmentIsCurrentAndTheDefaultIsNot() throws Exception {
    try (HactlCore core = open("""
        default: dev
        environments:
          dev: {type: local}
          lab: {type: local}
        """)) {
      assertThat(core.listEnvironments()).filteredOn(EnvironmentSummary::current)
          .extracting(EnvironmentSummary::name).containsExactly("dev");

      core.switchEnvironment("lab");

      assertThat(core.listEnvironments()).filteredOn(EnvironmentSummary::current)
          .extracting(EnvironmentSummary::name).containsExactly("lab");
      assertThat(core.currentEnvironmentName()).isEqualTo("lab");
    }
  }
}
