package io.hactl.agent;

/**
 * A controller of {@code controller-db: mongod} cannot run its mongod (the binary is missing, or
 * it never answered). The message is one line for the agent's log, where the client's bootstrap
 * error quotes it.
 */
final class MongodUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MongodUnavailableException(String message) {
    super(message);
  }
}
