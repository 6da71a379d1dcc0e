package io.hactl.core.backup;

/**
 * A backup archive that must not be used: corrupt, truncated, of a newer format, or not a
 * backup at all. The message says which, in a clause fit to follow "cannot restore F: ".
 */
public final class InvalidBackupException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidBackupException(String message) {
    super(message);
  }

  public InvalidBackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
