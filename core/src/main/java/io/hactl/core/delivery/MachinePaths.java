package io.hactl.core.delivery;

/**
 * Where hactl puts its files on a machine it delivers the agent to with cloud-init. The same on
 * every cloud, so that the docs, the rendered user data and an operator's shell agree.
 */
public final class MachinePaths {

  /** hactl's state on the machine: the downloaded distribution, scripts, the agent's folder. */
  public static final String LIB = "/var/lib/hactl";
  /** The agent's folder, mode 0700: its config (mode 0600), keyfile, database, address cache. */
  public static final String AGENT_DIR = LIB + "/agent";
  /** The agent's config file, mode 0600: it holds the replica set's key. */
  public static final String AGENT_CONFIG = AGENT_DIR + "/agent.yaml";
  /** The verified distribution, kept so that a controller can serve it to new machines. */
  public static final String TARBALL = LIB + "/hactl-agent.tar.gz";
  /** The scripts the user data writes and runs, mode 0700. */
  public static final String BIN = LIB + "/bin";
  /** The provider's storage folder for a controller that provisions as master. */
  public static final String PROVIDER_STORAGE = LIB + "/provider";
  /** Where the distribution is unpacked: {@code bin/}, {@code lib/}, {@code plugins/}. */
  public static final String INSTALL = "/opt/hactl/agent";
  /** The distribution's launcher. */
  public static final String LAUNCHER = INSTALL + "/bin/hactl-agent";
  /** The distribution's helper that prints the machine's own address. */
  public static final String ADDRESS_HELPER = INSTALL + "/bin/hactl-machine-address";
  /** Provider plugins shipped in the distribution. */
  public static final String PLUGINS = INSTALL + "/plugins";
  /** The agent's systemd unit. */
  public static final String AGENT_UNIT = "hactl-agent.service";
  /** The systemd unit of a real mongod, for controllers of {@code controller-db: mongod}. */
  public static final String MONGOD_UNIT = "hactl-mongod.service";
  /** The real mongod's folder: its keyfile (mode 0400, as mongod demands) and data. */
  public static final String MONGOD_DIR = LIB + "/mongod";
  /** The file name controllers serve the distribution under: {@code http://HOST:PORT/NAME}. */
  public static final String DOWNLOAD_NAME = "hactl-agent.tar.gz";

  private MachinePaths() {}
}
