package io.hactl.plugins.aws;

import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the shared {@link MotoServer} (started on first use, stopped after the last
 * test of the run) and resets it before each test.
 *
 * <pre>{@code
 * @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
 * ... MOTO.endpoint() ...
 * }</pre>
 */
final class MotoExtension implements BeforeAllCallback, BeforeEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoExtension.class);

  private MotoServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("moto", key -> {
      try {
        return MotoServer.start();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting moto_server", e);
      }
    }, MotoServer.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server.reset();
  }

  URI endpoint() {
    return server.endpoint();
  }
}
