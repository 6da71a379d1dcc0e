package io.hactl.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstallLayoutTest {

  private final String saved = System.getProperty(InstallLayout.PLUGINS_PATH_PROPERTY);

  @AfterEach
  void restoreProperty() {
    if (saved == null) {
      System.clearProperty(InstallLayout.PLUGINS_PATH_PROPERTY);
    } else {
      System.setProperty(InstallLayout.PLUGINS_PATH_PROPERTY, saved);
    }
  }

  @Test
  void theUsersPluginsFolderIsLoadedAfterTheLaunchersFolders() {
    System.setProperty(InstallLayout.PLUGINS_PATH_PROPERTY,
        "/opt/hactl/plugins/local" + File.pathSeparator + "/opt/hactl/plugins/aws");

    InstallLayout layout = InstallLayout.fromSystemProperties(Path.of("/home/op/hactl/plugins"));

    assertThat(layout.pluginRoots()).containsExactly(Path.of("/opt/hactl/plugins/local"),
        Path.of("/opt/hactl/plugins/aws"), Path.of("/home/op/hactl/plugins"));
  }

  @Test
  void withoutALauncherOnlyTheUsersPluginsFolderIsLoaded() {
    System.clearProperty(InstallLayout.PLUGINS_PATH_PROPERTY);

    InstallLayout layout = InstallLayout.fromSystemProperties(Path.of("/home/op/hactl/plugins"));

    assertThat(layout.pluginRoots()).containsExactly(Path.of("/home/op/hactl/plugins"));
  }
}
