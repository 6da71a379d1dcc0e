package io.hactl.agent;

import io.hactl.core.agent.AgentConfig;
import io.hactl.core.delivery.CloudInitUserData;
import io.hactl.core.delivery.DistributionServer;
import io.hactl.core.delivery.DistributionTarball;
import io.hactl.core.delivery.MachineUserData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller agent's part in agent delivery: it serves the distribution it was itself installed
 * from (the tar.gz cloud-init kept, passed as {@code --distribution}) on {@code agent-port} at its
 * own address, and, as master, renders the user data of the machines it provisions with that
 * file's checksum. Agents of the local provider get no {@code --distribution}: they serve
 * nothing and render nothing.
 */
final class DistributionService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DistributionService.class);

  private final Optional<DistributionTarball> tarball;
  private final DistributionServer server;

  private DistributionService(Optional<DistributionTarball> tarball, DistributionServer server) {
    this.tarball = tarball;
    this.server = server;
  }

  /**
   * Opens the distribution and, for a controller with an agent port, starts serving it. A
   * distribution that cannot be read or served is logged and skipped: the agent still runs, and
   * new machines fall back to {@code agent-url} or the other controllers.
   */
  static DistributionService start(AgentArguments arguments, AgentConfig config) {
    Optional<DistributionTarball> tarball = arguments.distribution()
        .filter(Files::isRegularFile)
        .flatMap(DistributionService::open);
    int port = config.providerAccess() == null ? 0 : config.providerAccess().delivery().port();
    DistributionServer server = null;
    if (config.controller() && port > 0 && tarball.isPresent()) {
      try {
        server = DistributionServer.start(new InetSocketAddress(arguments.address(), port),
            tarball.get());
      } catch (IOException e) {
        LOG.warn("cannot serve the agent distribution on {}:{}: {}; new machines must use"
            + " agent-url or another controller", arguments.address(), port, e.getMessage());
      }
    }
    return new DistributionService(tarball, server);
  }

  private static Optional<DistributionTarball> open(Path file) {
    try {
      return Optional.of(DistributionTarball.of(file));
    } catch (IOException e) {
      LOG.warn("cannot read the agent distribution {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** The user data source for the machines this agent provisions as master. */
  MachineUserData userData(AgentConfig config) {
    return config.providerAccess() == null ? MachineUserData.NONE
        : CloudInitUserData.forMaster(config.providerAccess(), tarball);
  }

  /** The address served on, when serving. */
  Optional<InetSocketAddress> address() {
    return Optional.ofNullable(server).map(DistributionServer::address);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
