package io.hactl.tui.ssh;

import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import io.hactl.tui.SharedFeeds;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

/**
 * {@code hactl dashboard --listen-ssh}: an SSH server (Apache MINA SSHD) that gives every
 * connecting operator their own dashboard.
 *
 * <ul>
 *   <li>Listens on the one address given, nothing else.
 *   <li>Public-key authentication only, against {@link AuthorizedKeys}; password,
 *       keyboard-interactive, host-based and GSSAPI are not offered at all.
 *   <li>A key marked {@code operator} may run actions; any other key gets a read-only dashboard.
 *   <li>The host key is generated once ({@link HostKey}, mode 0600) and reused.
 *   <li>At most {@code maxSessions} dashboards (and connections) at once; no exec, no
 *       subsystems, no port forwarding.
 *   <li>Sessions watching the same environment share one status feed ({@link SharedFeeds}).
 * </ul>
 *
 * <pre>{@code
 * try (DashboardSshServer server = DashboardSshServer.start(
 *     new InetSocketAddress("127.0.0.1", 2222), dataDir.resolve("dashboard"), 8, options,
 *     backend)) {
 *   server.awaitClose();
 * }
 * }</pre>
 */
public final class DashboardSshServer implements AutoCloseable {

  /** The authorized_keys file name inside the dashboard folder. */
  public static final String AUTHORIZED_KEYS = "authorized_keys";
  /** The host key file name inside the dashboard folder. */
  public static final String HOST_KEY = "ssh_host_key";

  private static final AttributeKey<Boolean> OPERATOR = new AttributeKey<>();
  /** Connections allowed beyond the dashboards, e.g. still authenticating or being refused. */
  private static final int PENDING_CONNECTIONS = 4;

  private final SshServer server;
  private final KeyPair hostKey;
  private final AuthorizedKeys keys;

  private DashboardSshServer(SshServer server, KeyPair hostKey, AuthorizedKeys keys) {
    this.server = server;
    this.hostKey = hostKey;
    this.keys = keys;
  }

  /**
   * Starts listening.
   *
   * @param folder holds {@code authorized_keys} and the host key
   * @throws IOException when the host key cannot be read or made, or the address is taken
   */
  public static DashboardSshServer start(InetSocketAddress address, Path folder,
      int maxSessions, DashboardOptions options, DashboardBackend backend) throws IOException {
    KeyPair hostKey = HostKey.loadOrCreate(folder.resolve(HOST_KEY));
    AuthorizedKeys keys = new AuthorizedKeys(folder.resolve(AUTHORIZED_KEYS));
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost(address.getHostString());
    server.setPort(address.getPort());
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setGSSAuthenticator(null);
    server.setHostBasedAuthenticator(null);
    server.setPublickeyAuthenticator((user, key, session) -> {
      Optional<AuthorizedKeys.Entry> entry = keys.find(key);
      entry.ifPresent(e -> session.setAttribute(OPERATOR, e.operator()));
      return entry.isPresent();
    });
    server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    // One shell per connection; connections (authenticated or not) bounded as well, with room
    // for a few beyond the dashboards so that a refused one can still be told why.
    CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(server, 1);
    server.addSessionListener(new ConnectionLimit(maxSessions + PENDING_CONNECTIONS));
    Semaphore slots = new Semaphore(maxSessions);
    DashboardBackend shared = new SharedFeeds(backend);
    server.setShellFactory(channel -> {
      boolean operator = Boolean.TRUE.equals(channel.getSession().getAttribute(OPERATOR));
      return new DashboardShell(options.withReadOnly(!operator), shared, slots, maxSessions);
    });
    server.open();
    return new DashboardSshServer(server, hostKey, keys);
  }

  /** The port listened on (the one asked for, or the one chosen for port 0). */
  public int port() {
    return server.getPort();
  }

  /** The host key's fingerprint as {@code ssh} shows it: {@code SHA256:...}. */
  public String fingerprint() {
    return KeyUtils.getFingerPrint(hostKey.getPublic());
  }

  public AuthorizedKeys authorizedKeys() {
    return keys;
  }

  /** Blocks until the server is closed (by {@link #close} from another thread or shutdown). */
  public void awaitClose() throws InterruptedException {
    while (server.isOpen()) {
      Thread.sleep(500);
    }
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
