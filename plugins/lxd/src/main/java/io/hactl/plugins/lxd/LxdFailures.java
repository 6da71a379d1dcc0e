package io.hactl.plugins.lxd;

import io.hactl.plugin.api.ProviderException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong talking to LXD into one-line {@link ProviderException} messages: what was
 * attempted, where LXD is, the cause and, when known, the fix.
 */
final class LxdFailures {
  static final String TEST_ENV_SCRIPT = "plugins/lxd/scripts/lxd-test-env.sh up";

  private LxdFailures() {}

  /** A failure to reach or talk to the daemon. */
  static ProviderException transport(String attempt, LxdSettings settings, IOException e) {
    if (e instanceof ClosedByInterruptException) {
      return interrupted(attempt, e);
    }
    if (settings.endpoint().isEmpty()) {
      String socket = settings.socket().toString();
      String cause = lower(e.getMessage());
      if (e instanceof NoSuchFileException || !Files.exists(settings.socket())
          || cause.contains("no such file")) {
        return new ProviderException(attempt + ": no LXD socket at " + socket
            + "; start lxd (for tests: " + TEST_ENV_SCRIPT + ") or set the socket setting", e);
      }
      if (e instanceof AccessDeniedException || cause.contains("permission denied")) {
        return new ProviderException(attempt + ": permission denied on the LXD socket " + socket
            + "; run as root or as a member of the lxd group (log in again after adding it)", e);
      }
      if (e instanceof ConnectException || cause.contains("connection refused")) {
        return new ProviderException(attempt + ": nothing answers on the LXD socket " + socket
            + "; is lxd running? (for tests: " + TEST_ENV_SCRIPT + ")", e);
      }
      return new ProviderException(attempt + ": talking to LXD over " + socket + " failed: "
          + describe(e), e);
    }
    String endpoint = settings.endpoint().get().toString();
    if (e instanceof SSLException) {
      return new ProviderException(attempt + ": TLS with LXD at " + endpoint + " failed ("
          + describe(e) + "); check that client-cert is trusted (`lxc config trust add`) and"
          + " that server-cert is the daemon's certificate", e);
    }
    if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
      return new ProviderException(attempt + ": cannot connect to LXD at " + endpoint + " ("
          + describe(e) + "); is core.https_address set on the daemon?", e);
    }
    if (e instanceof HttpTimeoutException) {
      return new ProviderException(attempt + ": LXD at " + endpoint + " did not answer in time",
          e);
    }
    return new ProviderException(attempt + ": talking to LXD at " + endpoint + " failed: "
        + describe(e), e);
  }

  /** An error LXD reported. */
  static ProviderException lxd(String attempt, LxdClient client, LxdException e) {
    String message = e.getMessage();
    if (e.code() == 403) {
      return new ProviderException(attempt + ": LXD at " + client.describe() + " refused: "
          + message + "; is the client certificate trusted (`lxc config trust add`)?", e);
    }
    return new ProviderException(attempt + ": LXD at " + client.describe() + " said: "
        + message, e);
  }

  static ProviderException interrupted(String attempt, Exception e) {
    Thread.currentThread().interrupt();
    return new ProviderException(attempt + ": interrupted (the call timed out or was cancelled)",
        e);
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
