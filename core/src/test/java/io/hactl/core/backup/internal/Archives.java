package io.hactl.core.backup.internal;

import static org.junit.jupiter.api.Assertions.fail;

import io.hactl.core.backup.InvalidBackupException;

/** Helpers for tests of archive refusals. */
final class Archives {

  private Archives() {}

  @FunctionalInterface
  interface Opening {
    AutoCloseable open() throws Exception;
  }

  /** The refusal's message; fails the test when the archive opens. */
  static String refusal(Opening opening) throws Exception {
    try (AutoCloseable opened = opening.open()) {
      fail("the archive was accepted: " + opened);
      return null;
    } catch (InvalidBackupException e) {
      return e.getMessage();
    }
  }
}
