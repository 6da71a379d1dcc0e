package io.hactl.plugin.api;

/**
 * A provider could not do what was asked. The message is shown to the user as the cause, so it
 * should say what failed in the provider's terms (e.g. "instance i-123 not found").
 *
 * @since 0.1
 */
public class ProviderException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProviderException(String message) {
    super(message);
  }

  public ProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
