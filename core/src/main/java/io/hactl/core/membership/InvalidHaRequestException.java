package io.hactl.core.membership;

/**
 * An enable-ha request that cannot be planned: the input itself is wrong (exit code 2, bad
 * input). The message is one line a user can act on, in Juju's words where Juju had them.
 */
public final class InvalidHaRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidHaRequestException(String message) {
    super(message);
  }
}
