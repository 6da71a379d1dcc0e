package io.hactl.agent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the mongod binary the local provider's {@code mongod-path} names. */
final class MongodExecutable {

  private MongodExecutable() {}

  /**
   * The executable {@code nameOrPath} names: a path (it holds a {@code /}) as it is, a bare name
   * looked up on {@code searchPath} as a shell would.
   *
   * @param searchPath the {@code PATH} to search, entries separated by {@link File#pathSeparator}
   * @return empty when there is no such executable file
   */
  static Optional<Path> resolve(String nameOrPath, String searchPath) {
    try {
      if (nameOrPath.contains("/")) {
        return Optional.of(Path.of(nameOrPath)).filter(MongodExecutable::isExecutableFile);
      }
      if (searchPath == null) {
        return Optional.empty();
      }
      for (String entry : searchPath.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          Path candidate = Path.of(entry, nameOrPath);
          if (isExecutableFile(candidate)) {
            return Optional.of(candidate);
          }
        }
      }
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The one-line reason a controller cannot run its mongod, for the agent's log and through it
   * the bootstrap's error.
   */
  static String missing(String nameOrPath, String machineId) {
    return "cannot start the mongod of machine " + machineId + ": "
        + (nameOrPath.contains("/") ? "no executable file " + nameOrPath
            : "no executable " + nameOrPath + " on PATH")
        + " (controller-db: mongod runs a real MongoDB 4.4 or later); install MongoDB, or set"
        + " the local provider's mongod-path to its mongod, or remove controller-db: mongod";
  }

  private static boolean isExecutableFile(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
