package io.hactl.agent;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The agent's command line: {@code --config FILE [--state-port PORT] [--address ADDR]
 * [--distribution TARBALL] [--mongod-path PATH]}.
 *
 * @param configFile the agent config (mode 0600: it holds the replica set's key)
 * @param statePort the member's client port, for controllers; 0 when not given
 * @param address the address to bind and to be known by
 * @param distributionFile the agent distribution this agent was installed from (cloud machines),
 *     which a controller serves to new machines; null when not given
 * @param mongodPathOrName for a controller of {@code controller-db: mongod}, the mongod the
 *     agent runs as its child (the local provider passes it); null when the machine's init
 *     runs mongod (cloud machines: systemd)
 */
record AgentArguments(Path configFile, int statePort, String address, Path distributionFile,
    String mongodPathOrName) {

  static final String USAGE = "usage: hactl-agent --config FILE [--state-port PORT]"
      + " [--address ADDR] [--distribution TARBALL] [--mongod-path PATH]";

  /** Arguments without a distribution (agents the local provider starts). */
  AgentArguments(Path configFile, int statePort, String address) {
    this(configFile, statePort, address, null, null);
  }

  /** Arguments without a mongod of the agent's own. */
  AgentArguments(Path configFile, int statePort, String address, Path distributionFile) {
    this(configFile, statePort, address, distributionFile, null);
  }

  static AgentArguments parse(String... args) {
    Path config = null;
    int port = 0;
    String address = "127.0.0.1";
    Path distribution = null;
    String mongod = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("flag " + flag + " needs a value; " + USAGE);
      }
      String value = args[++i];
      switch (flag) {
        case "--config" -> config = Path.of(value);
        case "--state-port" -> port = parsePort(value);
        case "--address" -> address = value;
        case "--distribution" -> distribution = Path.of(value);
        case "--mongod-path" -> mongod = requireNonBlank(flag, value);
        default -> throw new IllegalArgumentException("unknown flag " + flag + "; " + USAGE);
      }
    }
    if (config == null) {
      throw new IllegalArgumentException("--config is required; " + USAGE);
    }
    return new AgentArguments(config, port, address, distribution, mongod);
  }

  private static String requireNonBlank(String flag, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(flag + " must not be empty; " + USAGE);
    }
    return value;
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--state-port must be 1..65535, got \"" + value + "\"");
  }

  /** The distribution file, when one was given. */
  Optional<Path> distribution() {
    return Optional.ofNullable(distributionFile);
  }

  /** The mongod to run as the agent's child, when the agent runs one. */
  Optional<String> mongodPath() {
    return Optional.ofNullable(mongodPathOrName);
  }

  /** The agent keeps its files next to its config: the provider gave it that folder. */
  Path dataDirectory() {
    return configFile.toAbsolutePath().getParent();
  }
}
