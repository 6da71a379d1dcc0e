package io.hactl.plugins.lxd;

import java.io.IOException;

/**
 * One HTTP exchange with the LXD daemon: over its unix socket ({@link UnixSocketTransport}) or
 * over HTTPS with a client certificate ({@link HttpsTransport}).
 */
interface LxdTransport {

  /**
   * Sends one request and reads the whole response.
   *
   * @param method an HTTP method such as {@code GET}
   * @param path the request path with its query, e.g. {@code /1.0/instances?recursion=1}
   * @param body a JSON body, or {@code null} for none
   * @throws IOException when the daemon cannot be reached or the exchange breaks
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  Response exchange(String method, String path, String body)
      throws IOException, InterruptedException;

  /** Where the daemon is, for messages: a socket path or an https URL. */
  String describe();

  /**
   * An HTTP response.
   *
   * @param status the HTTP status code
   * @param body the body as text (LXD answers JSON)
   */
  record Response(int status, String body) {}
}
