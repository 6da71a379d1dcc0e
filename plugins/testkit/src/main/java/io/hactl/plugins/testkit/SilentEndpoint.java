package io.hactl.plugins.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A backend that has hung: a TCP server on 127.0.0.1 that accepts every connection and never
 * sends a byte (so neither an HTTP answer nor a TLS handshake ever comes). Point a provider's
 * endpoint at it to see how the host bounds a call that hangs.
 *
 * <pre>{@code
 * try (SilentEndpoint silent = SilentEndpoint.start()) {
 *   settings.put("endpoint", silent.uri("http").toString());
 * }
 * }</pre>
 */
public final class SilentEndpoint implements AutoCloseable {
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> held = new ArrayList<>();

  private SilentEndpoint(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptForever, "silent-endpoint-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on a free port of 127.0.0.1. */
  public static SilentEndpoint start() {
    try {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      return new SilentEndpoint(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  /** Always {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /** The port it listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code scheme://127.0.0.1:port/}, e.g. for {@code "http"} or {@code "https"}. */
  public URI uri(String scheme) {
    return URI.create(scheme + "://127.0.0.1:" + port() + "/");
  }

  /** How many connections it has accepted so far. */
  public synchronized int connections() {
    return held.size();
  }

  /** Closes the listener and every connection (clients then see the connection close). */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing a listener that fails to close leaves nothing to do.
    }
    synchronized (this) {
      for (Socket socket : held) {
        try {
          socket.close();
        } catch (IOException e) {
          // Same: the connection is gone either way.
        }
      }
    }
  }

  private void acceptForever() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        synchronized (this) {
          // Kept open and never read or written: the client waits for an answer for ever.
          held.add(socket);
        }
      } catch (IOException e) {
        return;
      }
    }
  }
}
