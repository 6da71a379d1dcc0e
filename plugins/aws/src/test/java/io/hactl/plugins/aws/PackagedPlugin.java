package io.hactl.plugins.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The plugin jar as Maven packed it, named by the build (failsafe's hactl.aws.plugin-jar). */
final class PackagedPlugin {
  private PackagedPlugin() {}

  static Path jar() {
    String named = System.getProperty("hactl.aws.plugin-jar");
    assertTrue(named != null, "hactl.aws.plugin-jar is not set: run this test through"
        + " Maven's failsafe plugin (mvn -pl plugins/aws verify)");
    Path jar = Path.of(named);
    assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + ": run mvn -pl plugins/aws"
        + " verify, which packs it before the integration tests");
    return jar;
  }
}
