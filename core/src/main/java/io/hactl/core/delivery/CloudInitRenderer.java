package io.hactl.core.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.hactl.config.ControllerDb;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.core.delivery.internal.SystemdUnits;
import io.hactl.core.delivery.internal.Templates;
import io.hactl.plugin.api.AgentDistribution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the cloud-init user data ({@code #cloud-config}) that turns a fresh Debian or Ubuntu
 * machine into a hactl machine, the same for every cloud provider:
 *
 * <ol>
 *   <li>{@code bootcmd}: creates {@link MachinePaths#AGENT_DIR} and {@link MachinePaths#BIN} with
 *       mode 0700 before {@code write_files} runs, so the secrets written next are never in a
 *       folder others can read, even in the moment before cloud-init sets a file's mode;
 *   <li>{@code write_files}: the agent's config (0600), the scripts (0700), the systemd unit
 *       (0644) and, for {@code controller-db: mongod} controllers, mongod's keyfile (0400) and
 *       unit;
 *   <li>{@code runcmd}, in this order and stopping at the first failure ({@code set -e}: cloud-init
 *       runs the list as one shell script): install Java 17 when absent; download the
 *       distribution, verify its SHA-256 and unpack it (refusing a mismatch); for mongod, check it
 *       is installed and start it; then enable and start the agent's unit.
 * </ol>
 *
 * <p>The agent's config is relocated to the machine's own paths ({@link MachinePaths}): a
 * controller that becomes the master loads provider plugins from the distribution, not from the
 * client's host.
 *
 * <pre>{@code
 * UserData data = CloudInitRenderer.render(config, 37017, ControllerDb.EMBEDDED,
 *     new AgentSource(List.of(URI.create("http://10.0.0.5:17071/hactl-agent.tar.gz")), sha256));
 * }</pre>
 */
public final class CloudInitRenderer {

  /** The first line cloud-init requires. */
  public static final String HEADER = "#cloud-config";

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .build());

  private CloudInitRenderer() {}

  /**
   * The user data of the machine {@code config} describes.
   *
   * @param config the agent's config (it holds the set's key: it goes into a 0600 file only)
   * @param statePort the member's client port, for controllers
   * @param db which replica-set member a controller runs
   * @param source where the distribution comes from and its checksum
   */
  public static UserData render(AgentConfig config, int statePort, ControllerDb db,
      AgentSource source) {
    if (config.controller() && (statePort < 1 || statePort > 65535)) {
      throw new IllegalArgumentException("a controller needs a state port, got " + statePort);
    }
    boolean mongod = config.controller() && db == ControllerDb.MONGOD;
    ObjectNode root = YAML.createObjectNode();
    ArrayNode bootcmd = root.putArray("bootcmd");
    bootcmd.addArray().add("install").add("-d").add("-m").add("0700")
        .add(MachinePaths.AGENT_DIR).add(MachinePaths.BIN);
    if (mongod) {
      bootcmd.addArray().add("install").add("-d").add("-m").add("0700")
          .add(MachinePaths.MONGOD_DIR).add(MachinePaths.MONGOD_DIR + "/db");
    }

    ArrayNode files = root.putArray("write_files");
    file(files, MachinePaths.AGENT_CONFIG, "0600",
        AgentConfigCodec.toYaml(onMachine(config)));
    file(files, MachinePaths.BIN + "/install-java.sh", "0700",
        Templates.fill("install-java.sh", Map.of()));
    file(files, MachinePaths.BIN + "/fetch-agent.sh", "0700", fetchScript(source));
    file(files, "/etc/systemd/system/" + MachinePaths.AGENT_UNIT, "0644",
        SystemdUnits.agent(config, statePort, mongod));
    if (mongod) {
      file(files, MachinePaths.MONGOD_DIR + "/keyfile", "0400", config.secret() + "\n");
      file(files, "/etc/systemd/system/" + MachinePaths.MONGOD_UNIT, "0644",
          SystemdUnits.mongod(config, statePort));
    }

    ArrayNode runcmd = root.putArray("runcmd");
    // cloud-init joins runcmd into one sh script: without this, a failed download would not
    // stop the agent's unit from being enabled.
    runcmd.add("set -e");
    runcmd.addArray().add("bash").add(MachinePaths.BIN + "/install-java.sh");
    runcmd.addArray().add("bash").add(MachinePaths.BIN + "/fetch-agent.sh");
    runcmd.addArray().add("systemctl").add("daemon-reload");
    if (mongod) {
      runcmd.addArray().add("sh").add("-c").add("command -v mongod >/dev/null || { echo"
          + " 'hactl: controller-db: mongod needs mongod installed on the image' >&2; exit 1; }");
      runcmd.addArray().add("systemctl").add("enable").add("--now").add(MachinePaths.MONGOD_UNIT);
    }
    runcmd.addArray().add("systemctl").add("enable").add("--now").add(MachinePaths.AGENT_UNIT);
    try {
      return new UserData(HEADER + "\n" + YAML.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render user data", e);
    }
  }

  /** The fetch-and-verify script for {@code source}, as written to the machine. */
  public static String fetchScript(AgentSource source) {
    return Templates.fill("fetch-agent.sh", Map.of(
        "SHA256", source.sha256(),
        "URLS", source.urls().stream().map(url -> Templates.shellQuote(url.toString()))
            .collect(Collectors.joining(" "))));
  }

  /** The config with provider access pointing at the machine's own paths. */
  static AgentConfig onMachine(AgentConfig config) {
    if (config.providerAccess() == null) {
      return config;
    }
    AgentDistribution agent = config.providerAccess().agent();
    return config.withProviderAccess(config.providerAccess().onDeliveredMachine(
        List.of(Path.of(MachinePaths.PLUGINS)), Path.of(MachinePaths.PROVIDER_STORAGE),
        new AgentDistribution(Path.of("/usr/bin/java"),
            List.of(Path.of(MachinePaths.INSTALL, "lib", "*")), agent.mainClass(),
            agent.jvmOptions())));
  }

  private static void file(ArrayNode files, String path, String mode, String content) {
    ObjectNode file = files.addObject();
    file.put("path", path);
    file.put("owner", "root:root");
    file.put("permissions", mode);
    file.put("content", content);
  }
}
