package io.hactl.plugins.lxd;

/**
 * LXD answered with an error, or an operation it ran failed. {@link #code()} is LXD's
 * {@code error_code} (an HTTP status, e.g. 404 for a missing instance or image) or the failed
 * operation's {@code status_code}.
 */
final class LxdException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;

  LxdException(int code, String message) {
    super(message);
    this.code = code;
  }

  int code() {
    return code;
  }

  boolean isNotFound() {
    return code == 404 || getMessage().toLowerCase(java.util.Locale.ROOT).contains("not found");
  }
}
