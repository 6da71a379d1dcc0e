package io.hactl.core.delivery.internal;

import io.hactl.core.agent.AgentConfig;
import io.hactl.core.delivery.MachinePaths;

/** The systemd units the user data installs. */
public final class SystemdUnits {

  private SystemdUnits() {}

  /**
   * The agent's unit. {@code Restart=always}: systemd, not cloud-init, keeps the agent alive
   * across crashes and reboots. {@code --address auto} makes the launcher find the machine's own
   * address (the one it is known by), since the user data is rendered before the cloud assigns
   * it.
   */
  public static String agent(AgentConfig config, int statePort, boolean afterMongod) {
    StringBuilder exec = new StringBuilder(MachinePaths.LAUNCHER)
        .append(" --config ").append(MachinePaths.AGENT_CONFIG)
        .append(" --address auto")
        .append(" --distribution ").append(MachinePaths.TARBALL);
    if (config.controller()) {
      exec.append(" --state-port ").append(statePort);
    }
    String after = "network-online.target" + (afterMongod ? " " + MachinePaths.MONGOD_UNIT : "");
    return "[Unit]\n"
        + "Description=hactl agent of machine " + config.machineId() + " (environment "
        + config.environmentName() + ")\n"
        + "Wants=network-online.target\n"
        + "After=" + after + "\n"
        + "\n"
        + "[Service]\n"
        + "Type=simple\n"
        + "WorkingDirectory=" + MachinePaths.AGENT_DIR + "\n"
        + "ExecStart=" + exec + "\n"
        + "Restart=always\n"
        + "RestartSec=3\n"
        + "UMask=0077\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }

  /**
   * A real {@code mongod} replica-set member for {@code controller-db: mongod}, authenticated
   * by the set's keyfile (which also makes it refuse unauthenticated clients). It listens on
   * the machine's own address, for its peers and clients, and on loopback, the only interface
   * mongod's localhost exception works on: the agent initiates the set and creates the first
   * user there. {@code LimitNOFILE} follows MongoDB's production notes (one descriptor per
   * connection and per data file).
   */
  public static String mongod(AgentConfig config, int statePort) {
    return "[Unit]\n"
        + "Description=hactl replica-set member (mongod) of machine " + config.machineId() + "\n"
        + "Wants=network-online.target\n"
        + "After=network-online.target\n"
        + "\n"
        + "[Service]\n"
        + "Type=simple\n"
        + "ExecStart=/bin/sh -c 'exec mongod --replSet " + config.replicaSet()
        + " --port " + statePort
        // "$$" is systemd's escape for a literal "$": the shell, not systemd, runs the helper.
        + " --bind_ip \"127.0.0.1,$$(" + MachinePaths.ADDRESS_HELPER + ")\""
        + " --keyFile " + MachinePaths.MONGOD_DIR + "/keyfile"
        + " --dbpath " + MachinePaths.MONGOD_DIR + "/db'\n"
        + "Restart=always\n"
        + "RestartSec=3\n"
        + "LimitNOFILE=64000\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }
}
