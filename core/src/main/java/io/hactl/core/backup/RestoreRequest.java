package io.hactl.core.backup;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code restore-backup} asks for.
 *
 * @param file the archive to restore; null when {@code id} names a kept backup
 * @param id a backup kept by the controllers; null when {@code file} is given
 * @param bootstrap bring up a new controller (with the backup's identity) and restore into it,
 *     after stopping what remains of the old controllers
 * @param force restore even over an environment whose controllers are healthy
 * @param confirmation asked before anything running is stopped
 */
public record RestoreRequest(Path file, String id, boolean bootstrap, boolean force,
    Confirmation confirmation) {

  public RestoreRequest {
    if ((file == null) == (id == null)) {
      throw new IllegalArgumentException("exactly one of file and id");
    }
    Objects.requireNonNull(confirmation, "confirmation");
  }

  /** Asks the user whether to go on; false cancels with nothing changed. */
  @FunctionalInterface
  public interface Confirmation {
    /** @param question one paragraph saying what will be stopped */
    boolean confirm(String question);
  }
}
