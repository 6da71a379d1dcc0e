package io.hactl.core;

import java.util.Objects;

/**
 * A user-facing failure: the message is one line saying what was attempted, what went wrong and,
 * when known, what to do. The shell prints it as is and exits with {@link Kind#exitCode()}.
 */
public class HactlException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why an operation failed, as far as a script calling hactl needs to know. */
  public enum Kind {
    /** The request itself was wrong: bad flags, unknown machine, invalid configuration. */
    BAD_INPUT(2),
    /** The request was fine but could not be carried out. */
    FAILURE(1),
    /** Fewer than a majority of controllers are up: only a restore from backup helps. */
    NO_QUORUM(3);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Kind kind;

  public HactlException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind);
  }

  public HactlException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind);
  }

  public static HactlException badInput(String message) {
    return new HactlException(Kind.BAD_INPUT, message);
  }

  public static HactlException failure(String message, Throwable cause) {
    return new HactlException(Kind.FAILURE, message, cause);
  }

  public Kind kind() {
    return kind;
  }
}
