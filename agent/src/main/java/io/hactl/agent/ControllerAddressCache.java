package io.hactl.agent;

import io.hactl.core.store.SecureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The controller addresses this agent last learned from state, kept on disk (one per line) so
 * that a restarted agent can reach the replica set even when every controller named in its
 * original config has been replaced. Juju's agents lost their way exactly like that.
 */
final class ControllerAddressCache implements Consumer<List<String>> {

  private final Path file;
  private List<String> known;

  ControllerAddressCache(Path file) {
    this.file = file;
    this.known = read(file);
  }

  /** The cached addresses followed by {@code configured} ones not cached, without repeats. */
  synchronized List<String> seeds(List<String> configured) {
    Set<String> seeds = new LinkedHashSet<>(known);
    seeds.addAll(configured);
    return List.copyOf(seeds);
  }

  /**
   * Reads the file again: when the agent has lost the controllers, someone (a restore) may
   * have written where they are now.
   */
  synchronized void reload() {
    known = read(file);
  }

  @Override
  public synchronized void accept(List<String> addresses) {
    if (addresses.isEmpty() || addresses.equals(known)) {
      return;
    }
    SecureFiles.writeAtomically(file, String.join("\n", addresses) + "\n");
    known = List.copyOf(addresses);
  }

  private static List<String> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
