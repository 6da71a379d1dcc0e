package io.hactl.core;

import io.hactl.plugin.api.AgentDistribution;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where this installation of hactl keeps what it runs: provider plugin jars and the agent's
 * class path. The launcher passes both as system properties:
 *
 * <ul>
 *   <li>{@code hactl.plugins.path}: directories of plugin jars, separated by the path separator;
 *   <li>{@code hactl.agent.classpath}: the agent's class path (entries may end in {@code /*});
 *   <li>{@code hactl.agent.distribution} (optional): the agent distribution tar.gz that cloud
 *       machines download; by default, in a source tree, the dist module's output
 *       {@code dist/target/hactl-agent-dist.tar.gz} (found from the agent's jar in
 *       {@code agent/target}), else {@code hactl-agent-dist.tar.gz} beside the agent's jar.
 * </ul>
 *
 * @param pluginRoots directories holding provider plugin jars
 * @param agent how providers on this host start an agent
 */
public record InstallLayout(List<Path> pluginRoots, AgentDistribution agent) {

  public static final String PLUGINS_PATH_PROPERTY = "hactl.plugins.path";
  public static final String AGENT_CLASSPATH_PROPERTY = "hactl.agent.classpath";
  public static final String AGENT_MAIN_CLASS = "io.hactl.agent.AgentMain";
  public static final String AGENT_DISTRIBUTION_PROPERTY = "hactl.agent.distribution";
  /** The agent's jar, and the distribution the dist module builds. */
  static final String AGENT_JAR = "hactl-agent.jar";
  static final String DISTRIBUTION_FILE = "hactl-agent-dist.tar.gz";
  /** Where the dist module puts it, from the agent module's folder. */
  private static final Path DIST_MODULE_OUTPUT =
      Path.of("..", "dist", "target", DISTRIBUTION_FILE);

  /**
   * Agents are small: a heap cap keeps an idle agent well under 200 MB resident, and serial GC
   * suits a process that mostly waits.
   */
  private static final List<String> AGENT_JVM_OPTIONS =
      List.of("-Xmx96m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=32m");

  public InstallLayout {
    pluginRoots = List.copyOf(pluginRoots);
  }

  /**
   * Reads the layout from the launcher's system properties. The user's own plugins folder is
   * always a root too, after the installation's: a third-party plugin is installed by copying
   * its jar there, whatever launched hactl.
   */
  public static InstallLayout fromSystemProperties(Path userPlugins) {
    List<Path> roots = new ArrayList<>(split(System.getProperty(PLUGINS_PATH_PROPERTY, "")));
    if (!roots.contains(userPlugins)) {
      roots.add(userPlugins);
    }
    String classpath = System.getProperty(AGENT_CLASSPATH_PROPERTY,
        System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    AgentDistribution agent = new AgentDistribution(
        java, split(classpath), AGENT_MAIN_CLASS, AGENT_JVM_OPTIONS);
    return new InstallLayout(roots, agent);
  }

  /**
   * The agent distribution (tar.gz) of this installation, if it was built: what the client
   * serves during a bootstrap with {@code bootstrap-agent-address}.
   */
  public Optional<Path> agentDistribution() {
    String named = System.getProperty(AGENT_DISTRIBUTION_PROPERTY, "");
    if (!named.isBlank()) {
      return Optional.of(Path.of(named)).filter(Files::isRegularFile);
    }
    // The dist module's build comes first: it carries the provider plugins, and a copy beside
    // the jar may be one an older build left in agent/target.
    return agent.classpath().stream()
        .filter(entry -> entry.getFileName() != null
            && entry.getFileName().toString().equals(AGENT_JAR))
        .flatMap(entry -> Stream.of(distModuleOutput(entry),
            entry.resolveSibling(DISTRIBUTION_FILE)))
        .filter(Objects::nonNull)
        .filter(Files::isRegularFile)
        .findFirst();
  }

  /** agent/target/hactl-agent.jar -> dist/target/hactl-agent-dist.tar.gz, if it has a module. */
  private static Path distModuleOutput(Path agentJar) {
    Path target = agentJar.toAbsolutePath().getParent();
    Path module = target == null ? null : target.getParent();
    return module == null ? null : module.resolve(DIST_MODULE_OUTPUT).normalize();
  }

  private static List<Path> split(String pathList) {
    return Arrays.stream(pathList.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .toList();
  }
}
