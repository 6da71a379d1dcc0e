package io.hactl.core.environment.internal;

import io.hactl.config.AgentDelivery;
import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.delivery.AgentSource;
import io.hactl.core.delivery.AgentSources;
import io.hactl.core.delivery.CloudInitRenderer;
import io.hactl.core.delivery.CloudInitUserData;
import io.hactl.core.delivery.DistributionServer;
import io.hactl.core.delivery.DistributionTarball;
import io.hactl.core.delivery.UserData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user data of a first controller (bootstrap, restore), when no controller exists to serve
 * the agent yet. The distribution then comes from {@code agent-url}, or from this client: with
 * {@code bootstrap-agent-address} it serves its own build there until the controller's database
 * answers (by then the machine has downloaded it), then stops.
 */
final class BootstrapUserData implements AutoCloseable {

  private final UserData userData;
  private final DistributionServer server;

  private BootstrapUserData(UserData userData, DistributionServer server) {
    this.userData = userData;
    this.server = server;
  }

  /**
   * Renders the user data, starting the client's distribution server when the environment says
   * so. Local environments get none (see {@link CloudInitUserData#rendersFor}).
   *
   * @param failurePrefix e.g. "cannot bootstrap environment x"
   */
  static BootstrapUserData prepare(EnvironmentContext env, AgentConfig config,
      String failurePrefix) throws HactlException {
    if (!CloudInitUserData.rendersFor(env.config().type())) {
      return new BootstrapUserData(UserData.NONE, null);
    }
    AgentDelivery delivery = env.config().agentDelivery();
    if (delivery.url() == null && delivery.bootstrapAddress() == null) {
      throw HactlException.badInput(failurePrefix + ": provider " + env.config().type()
          + " starts machines that download the agent, and no controller exists yet to serve"
          + " it; set agent-url and agent-sha256, or bootstrap-agent-address (an IP:PORT of this"
          + " host the new machine can reach) in environments.yaml");
    }
    DistributionServer server = null;
    String localSha = null;
    if (delivery.url() == null) {
      Path file = env.layout().agentDistribution().orElseThrow(() -> HactlException.badInput(
          failurePrefix + ": bootstrap-agent-address is set but this installation has no agent"
          + " distribution (dist/target/hactl-agent-dist.tar.gz); build it with `mvn -pl dist"
          + " -am package` or set agent-url and agent-sha256"));
      try {
        DistributionTarball tarball = DistributionTarball.of(file);
        URI bind = URI.create("http://" + delivery.bootstrapAddress());
        server = DistributionServer.start(new InetSocketAddress(
            stripBrackets(bind.getHost()), bind.getPort()), tarball);
        localSha = tarball.sha256();
      } catch (IOException e) {
        throw HactlException.failure(failurePrefix + ": cannot serve the agent distribution on "
            + delivery.bootstrapAddress() + ": " + e.getMessage() + "; pick a free port of an"
            + " address of this host for bootstrap-agent-address", e);
      }
    }
    AgentSource source = AgentSources.forBootstrap(delivery, localSha).orElseThrow();
    int statePort = env.config().statePort();
    if (statePort == 0) {
      closeQuietly(server);
      throw HactlException.badInput(failurePrefix + ": state-port is 0, but a cloud machine"
          + " cannot report a port it picked; set state-port (e.g. 37017)");
    }
    return new BootstrapUserData(CloudInitRenderer.render(config, statePort,
        env.config().controllerDb(), source), server);
  }

  UserData userData() {
    return userData;
  }

  Optional<DistributionServer> server() {
    return Optional.ofNullable(server);
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static void closeQuietly(DistributionServer server) {
    if (server != null) {
      server.close();
    }
  }

  /** Stops serving the distribution, if this client served it. */
  @Override
  public void close() {
    closeQuietly(server);
  }
}
