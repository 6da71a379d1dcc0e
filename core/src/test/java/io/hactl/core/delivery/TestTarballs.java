package io.hactl.core.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/** Distribution-shaped tarballs built with the system's tar, as the agent module's assembly lays
 * them out ({@code hactl-agent/bin/hactl-agent}, {@code hactl-agent/lib/}). */
final class TestTarballs {

  private TestTarballs() {}

  static Path distribution(Path folder, String marker) throws IOException, InterruptedException {
    Path tree = Files.createDirectories(folder.resolve("tree-" + marker));
    Path bin = Files.createDirectories(tree.resolve("hactl-agent/bin"));
    Files.createDirectories(tree.resolve("hactl-agent/lib"));
    Path launcher = bin.resolve("hactl-agent");
    Files.writeString(launcher, "#!/bin/sh\necho " + marker + "\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tree.resolve("hactl-agent/lib/marker.txt"), marker + "\n");
    Path tarball = folder.resolve("dist-" + marker + ".tar.gz");
    Process tar = new ProcessBuilder("tar", "-czf", tarball.toString(), "-C", tree.toString(),
        "hactl-agent").inheritIO().start();
    if (!tar.waitFor(30, TimeUnit.SECONDS) || tar.exitValue() != 0) {
      throw new IOException("tar failed to build " + tarball);
    }
    return tarball;
  }
}
