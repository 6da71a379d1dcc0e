package io.hactl.shell.command;

import io.hactl.config.HactlPaths;
import io.hactl.core.HactlException;
import io.hactl.tui.DashboardBackend;
import io.hactl.tui.DashboardOptions;
import io.hactl.tui.ssh.DashboardSshServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code dashboard --listen-ssh ADDR:PORT}: runs tui's SSH server in the foreground until the
 * process is interrupted. Keys live in {@code $HACTL_HOME/dashboard/authorized_keys} (in the data
 * folder when HACTL_HOME is unset), next to the host key.
 */
final class SshDashboardServe {

  private final CommandLine commandLine;
  private final PrintWriter out;

  SshDashboardServe(CommandLine commandLine, PrintWriter out) {
    this.commandLine = commandLine;
    this.out = out;
  }

  void serve(String listen, int maxSessions, DashboardOptions options, DashboardBackend backend)
      throws HactlException {
    InetSocketAddress address = parse(listen);
    Path folder = folder(System.getenv());
    try (DashboardSshServer server = DashboardSshServer.start(address, folder, maxSessions,
        options, backend)) {
      out.println("dashboard of " + options.environment() + " listening on ssh://"
          + address.getHostString() + ":" + server.port() + " (host key "
          + server.fingerprint() + ")");
      out.println("keys: " + server.authorizedKeys().file()
          + " (prefix a line with `operator` to allow actions)");
      server.authorizedKeys().problems().forEach(p -> out.println("warning: " + p));
      out.flush();
      server.awaitClose();
    } catch (IOException e) {
      throw HactlException.failure("cannot serve the dashboard on " + listen + ": "
          + e.getMessage() + "; pick a free port on a local address", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code $HACTL_HOME/dashboard}, else {@code dashboard} in the data folder. */
  static Path folder(Map<String, String> env) {
    String home = env.get(HactlPaths.HACTL_HOME);
    if (home != null && !home.isEmpty()) {
      return Path.of(home, "dashboard");
    }
    return HactlPaths.fromEnvironment(env).dataDirectory().resolve("dashboard");
  }

  private InetSocketAddress parse(String listen) {
    int colon = listen.lastIndexOf(':');
    if (colon <= 0 || colon == listen.length() - 1) {
      throw new ParameterException(commandLine,
          "--listen-ssh must be ADDR:PORT, such as 127.0.0.1:2222, was " + listen);
    }
    String host = listen.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new ParameterException(commandLine, "--listen-ssh port must be a number, was "
          + listen.substring(colon + 1));
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(commandLine, "--listen-ssh port must be 0-65535, was "
          + port);
    }
    return new InetSocketAddress(host, port);
  }
}
