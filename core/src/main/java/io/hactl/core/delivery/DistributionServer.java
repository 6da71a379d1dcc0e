package io.hactl.core.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the agent distribution over plain HTTP to machines being set up: a controller's agent
 * serves its own copy on {@code agent-port}, and the client serves its build during bootstrap on
 * {@code bootstrap-agent-address}. Two read-only paths, {@code GET} and {@code HEAD} only:
 *
 * <pre>
 * /hactl-agent.tar.gz          the distribution
 * /hactl-agent.tar.gz.sha256   its checksum, as sha256sum prints it
 * </pre>
 *
 * Plain HTTP is enough because machines verify the file against the checksum in their user data.
 * It listens on exactly the address given, never on a wildcard chosen for the caller.
 */
public final class DistributionServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DistributionServer.class);
  private static final String PATH = "/" + MachinePaths.DOWNLOAD_NAME;

  private final HttpServer server;
  private final ExecutorService executor;
  private final DistributionTarball tarball;

  private DistributionServer(HttpServer server, ExecutorService executor,
      DistributionTarball tarball) {
    this.server = server;
    this.executor = executor;
    this.tarball = tarball;
  }

  /**
   * Starts serving {@code tarball} on {@code address} (port 0 picks a free one; see {@link
   * #address()}).
   *
   * @throws IOException when the address cannot be bound
   */
  public static DistributionServer start(InetSocketAddress address, DistributionTarball tarball)
      throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    // A few downloads at a time: machines are added a handful at once.
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "agent-distribution-server");
      t.setDaemon(true);
      return t;
    });
    DistributionServer serving = new DistributionServer(server, executor, tarball);
    server.createContext("/", serving::handle);
    server.setExecutor(executor);
    server.start();
    LOG.info("serving the agent distribution (sha256 {}) on http://{}:{}{}", tarball.sha256(),
        server.getAddress().getHostString(), server.getAddress().getPort(), PATH);
    return serving;
  }

  /** The address actually bound. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The tarball served. */
  public DistributionTarball tarball() {
    return tarball;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      boolean head = method.equals("HEAD");
      if (path.equals(PATH)) {
        long size = Files.size(tarball.file());
        exchange.getResponseHeaders().set("Content-Type", "application/gzip");
        exchange.sendResponseHeaders(200, head ? -1 : size);
        if (!head) {
          try (InputStream in = Files.newInputStream(tarball.file());
              OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
          }
        }
        LOG.info("sent the agent distribution to {}", exchange.getRemoteAddress());
      } else if (path.equals(PATH + ".sha256")) {
        byte[] body = (tarball.sha256() + "  " + MachinePaths.DOWNLOAD_NAME + "\n")
            .getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=us-ascii");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
          exchange.getResponseBody().write(body);
        }
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
