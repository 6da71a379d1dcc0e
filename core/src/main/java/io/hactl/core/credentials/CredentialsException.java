package io.hactl.core.credentials;

/**
 * Sealed credentials that cannot be opened: altered, sealed under another key or for another
 * environment, or in an unknown form. The message says which and what to do; it never holds a
 * secret.
 */
public final class CredentialsException extends Exception {
  private static final long serialVersionUID = 1L;

  public CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
