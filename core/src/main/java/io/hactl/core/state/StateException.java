package io.hactl.core.state;

/** The replica set could not be reached, or refused an operation. */
public class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
