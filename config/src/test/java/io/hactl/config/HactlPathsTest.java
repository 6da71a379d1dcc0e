package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HactlPathsTest {

  @Test
  void hactlHomeHoldsTheConfigAndADataDirectory() {
    HactlPaths paths = HactlPaths.fromEnvironment(Map.of("HACTL_HOME", "/tmp/h",
        "HOME", "/home/u", "XDG_CONFIG_HOME", "/xdg/config", "XDG_DATA_HOME", "/xdg/data"));

    assertThat(paths.configFile()).isEqualTo(Path.of("/tmp/h/environments.yaml"));
    assertThat(paths.dataDirectory()).isEqualTo(Path.of("/tmp/h/data"));
  }

  @Test
  void withoutHactlHomeUsesTheXdgDefaultsUnderHome() {
    HactlPaths paths = HactlPaths.fromEnvironment(Map.of("HOME", "/home/u", "HACTL_HOME", ""));

    assertThat(paths.configFile()).isEqualTo(Path.of("/home/u/.config/hactl/environments.yaml"));
    assertThat(paths.dataDirectory()).isEqualTo(Path.of("/home/u/.local/share/hactl"));
  }

  @Test
  void xdgVariablesMoveConfigAndData() {
    HactlPaths paths = HactlPaths.fromEnvironment(Map.of("HOME", "/home/u",
        "XDG_CONFIG_HOME", "/xdg/config", "XDG_DATA_HOME", "/xdg/data"));

    assertThat(paths.configFile()).isEqualTo(Path.of("/xdg/config/hactl/environments.yaml"));
    assertThat(paths.dataDirectory()).isEqualTo(Path.of("/xdg/data/hactl"));
  }

  @Test
  void ignoresRelativeXdgVariablesAsTheSpecificationRequires() {
    HactlPaths paths = HactlPaths.fromEnvironment(Map.of("HOME", "/home/u",
        "XDG_CONFIG_HOME", "relative/config", "XDG_DATA_HOME", ""));

    assertThat(paths.configFile()).isEqualTo(Path.of("/home/u/.config/hactl/environments.yaml"));
    assertThat(paths.dataDirectory()).isEqualTo(Path.of("/home/u/.local/share/hactl"));
  }

  @Test
  void fallsBackToTheJavaUserHomeWithoutHome() {
    HactlPaths paths = HactlPaths.fromEnvironment(Map.of());

    assertThat(paths.dataDirectory())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "share", "hactl"));
  }

  @Test
  void derivesEveryDataPathFromTheDataDirectory() {
    HactlPaths paths = new HactlPaths(Path.of("/c/environments.yaml"), Path.of("/d"));

    assertThat(paths.environmentDirectory("prod")).isEqualTo(Path.of("/d/environments/prod"));
    assertThat(paths.clientStoreFile()).isEqualTo(Path.of("/d/client.yaml"));
    assertThat(paths.historyFile()).isEqualTo(Path.of("/d/history"));
    assertThat(paths.pluginsDirectory()).isEqualTo(Path.of("/d/plugins"));
  }
}
