package io.hactl.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hactl.config.ControllerDb;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The rendered user data, parsed back as cloud-init would read it. */
class CloudInitRendererTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode render(AgentConfig config, ControllerDb db) throws Exception {
    UserData data = CloudInitRenderer.render(config, 37017, db, DeliveryFixtures.source());
    assertThat(data.text()).startsWith("#cloud-config\n");
    return YAML.readTree(data.text());
  }

  private static JsonNode file(JsonNode root, String path) {
    return StreamSupport.stream(root.get("write_files").spliterator(), false)
        .filter(f -> f.get("path").asText().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no file " + path + " in write_files"));
  }

  private static List<String> runcmd(JsonNode root) {
    List<String> commands = new ArrayList<>();
    root.get("runcmd").forEach(c -> commands.add(c.isArray()
        ? String.join(" ", StreamSupport.stream(c.spliterator(), false)
            .map(JsonNode::asText).toList()) : c.asText()));
    return commands;
  }

  @Test
  void writesSecretsOwnerOnlyAndScriptsExecutableByRootOnly() throws Exception {
    JsonNode root = render(DeliveryFixtures.controller("0"), ControllerDb.EMBEDDED);

    assertThat(file(root, "/var/lib/hactl/agent/agent.yaml").get("permissions").asText())
        .isEqualTo("0600");
    assertThat(file(root, "/var/lib/hactl/bin/fetch-agent.sh").get("permissions").asText())
        .isEqualTo("0700");
    assertThat(file(root, "/var/lib/hactl/bin/install-java.sh").get("permissions").asText())
        .isEqualTo("0700");
    assertThat(file(root, "/etc/systemd/system/hactl-agent.service").get("permissions")
        .asText()).isEqualTo("0644");
    root.get("write_files").forEach(f -> assertThat(f.get("owner").asText())
        .isEqualTo("root:root"));
  }

  @Test
  void createsThePrivateFoldersBeforeAnyFileIsWritten() throws Exception {
    JsonNode root = render(DeliveryFixtures.controller("0"), ControllerDb.EMBEDDED);

    assertThat(root.get("bootcmd").get(0).toString())
        .isEqualTo("[\"install\",\"-d\",\"-m\",\"0700\",\"/var/lib/hactl/agent\","
            + "\"/var/lib/hactl/bin\"]");
  }

  @Test
  void runsJavaThenVerifiedDownloadThenTheAgentAndStopsAtTheFirstFailure() throws Exception {
    JsonNode root = render(DeliveryFixtures.controller("0"), ControllerDb.EMBEDDED);

    assertThat(runcmd(root)).containsExactly(
        "set -e",
        "bash /var/lib/hactl/bin/install-java.sh",
        "bash /var/lib/hactl/bin/fetch-agent.sh",
        "systemctl daemon-reload",
        "systemctl enable --now hactl-agent.service");
  }

  @Test
  void fetchScriptChecksTheSha256AgainstTheSourcesInOrder() throws Exception {
    JsonNode root = render(DeliveryFixtures.controller("0"), ControllerDb.EMBEDDED);
    String script = file(root, "/var/lib/hactl/bin/fetch-agent.sh").get("content").asText();

    assertThat(script).startsWith("#!/bin/bash\n")
        .contains("expected='" + DeliveryFixtures.SHA + "'")
        .contains("urls=('http://10.0.0.5:17071/hactl-agent.tar.gz'"
            + " 'http://10.0.0.6:17071/hactl-agent.tar.gz')")
        .contains("sha256sum \"$partial\"")
        .contains("if [ \"$actual\" != \"$expected\" ]; then");
    // Verification comes before the file is moved into place and unpacked.
    assertThat(script.indexOf("sha256sum")).isLessThan(script.indexOf("if unpack; then"));
  }

  @Test
  void installsJava17PackageOnlyWhenNoJava17IsPresent() throws Exception {
    JsonNode root = render(DeliveryFixtures.controller("0"), ControllerDb.EMBEDDED);
    String script = file(root, "/var/lib/hactl/bin/install-java.sh").get("content").asText();

    assertThat(script).contains("[ \"$major\" -ge 17 ]")
        .contains("apt-get install -y -q --no-install-recommends openjdk-17-jre-headless");
    assertThat(script.indexOf("-ge 17")).isLessThan(script.indexOf("apt-get update"));
  }

  @Test
  void agentUnitRestartsAlwaysAndPassesTheStatePortOfAController() throws Exception {
    JsonNode root = render(DeliveryFixtures.controller("0"), ControllerDb.EMBEDDED);
    String unit = file(root, "/etc/systemd/system/hactl-agent.service").get("content").asText();

    assertThat(unit).contains("Restart=always\n")
        .contains("ExecStart=/opt/hactl/agent/bin/hactl-agent --config"
            + " /var/lib/hactl/agent/agent.yaml --address auto --distribution"
            + " /var/lib/hactl/hactl-agent.tar.gz --state-port 37017\n")
        .contains("WantedBy=multi-user.target");
  }

  @Test
  void plainMachineGetsNoStatePortAndNoProviderAccess() throws Exception {
    JsonNode root = render(DeliveryFixtures.plainMachine("4"), ControllerDb.EMBEDDED);
    String unit = file(root, "/etc/systemd/system/hactl-agent.service").get("content").asText();
    AgentConfig written = AgentConfigCodec.fromYaml(
        file(root, "/var/lib/hactl/agent/agent.yaml").get("content").asText());

    assertThat(unit).doesNotContain("--state-port");
    assertThat(written.machineId()).isEqualTo("4");
    assertThat(written.controller()).isFalse();
    assertThat(written.providerAccess()).isNull();
  }

  @Test
  void agentConfigCarriesControllersAndKeyAndPointsAtTheMachinesOwnPaths() throws Exception {
    JsonNode root = render(DeliveryFixtures.controller("2"), ControllerDb.EMBEDDED);
    AgentConfig written = AgentConfigCodec.fromYaml(
        file(root, "/var/lib/hactl/agent/agent.yaml").get("content").asText());

    assertThat(written.stateAddresses()).containsExactly("10.0.0.5:37017");
    assertThat(written.secret()).isEqualTo(DeliveryFixtures.SECRET);
    assertThat(written.providerAccess().pluginRoots()).extracting(Object::toString)
        .containsExactly("/opt/hactl/agent/plugins");
    assertThat(written.providerAccess().storageDirectory()).hasToString("/var/lib/hactl/provider");
    assertThat(written.providerAccess().agent().classpath()).extracting(Object::toString)
        .containsExactly("/opt/hactl/agent/lib/*");
    assertThat(written.providerAccess().delivery().port()).isEqualTo(17071);
  }

  @Test
  void mongodControllerGetsKeyfileReadOnlyAndItsMemberBeforeTheAgent() throws Exception {
    JsonNode root = render(DeliveryFixtures.controller("0"), ControllerDb.MONGOD);
    JsonNode keyfile = file(root, "/var/lib/hactl/mongod/keyfile");
    String unit = file(root, "/etc/systemd/system/hactl-mongod.service").get("content").asText();

    assertThat(keyfile.get("permissions").asText()).isEqualTo("0400");
    assertThat(keyfile.get("content").asText()).isEqualTo(DeliveryFixtures.SECRET + "\n");
    assertThat(unit).contains("mongod --replSet hactl-12345678 --port 37017")
        .contains("--bind_ip \"127.0.0.1,$$(/opt/hactl/agent/bin/hactl-machine-address)\"")
        .contains("--keyFile /var/lib/hactl/mongod/keyfile")
        .contains("--dbpath /var/lib/hactl/mongod/db'")
        .contains("Restart=always").contains("LimitNOFILE=64000");
    String agentUnit =
        file(root, "/etc/systemd/system/hactl-agent.service").get("content").asText();
    // systemd runs this mongod: the agent must not start one of its own.
    assertThat(agentUnit).doesNotContain("--mongod-path").contains("After=network-online.target"
        + " hactl-mongod.service");
    List<String> commands = runcmd(root);
    assertThat(commands.indexOf("systemctl enable --now hactl-mongod.service"))
        .isGreaterThan(commands.indexOf("bash /var/lib/hactl/bin/fetch-agent.sh"))
        .isLessThan(commands.indexOf("systemctl enable --now hactl-agent.service"));
    assertThat(commands.stream().filter(c -> c.contains("command -v mongod"))).hasSize(1);
  }

  @Test
  void plainMachineOfAMongodEnvironmentRunsNoMongod() throws Exception {
    JsonNode root = render(DeliveryFixtures.plainMachine("5"), ControllerDb.MONGOD);

    assertThat(runcmd(root)).noneMatch(c -> c.contains("mongod"));
    assertThat(root.get("write_files").toString()).doesNotContain("keyfile");
  }

  @Test
  void neverPrintsTheUserDataItHolds() {
    UserData data = CloudInitRenderer.render(DeliveryFixtures.controller("0"), 37017,
        ControllerDb.EMBEDDED, DeliveryFixtures.source());

    assertThat(data.text()).contains(DeliveryFixtures.SECRET);
    assertThat(data.toString()).doesNotContain(DeliveryFixtures.SECRET).contains("<hidden>");
  }

  @Test
  void refusesAControllerWithoutAStatePort() {
    assertThatThrownBy(() -> CloudInitRenderer.render(DeliveryFixtures.controller("0"), 0,
        ControllerDb.EMBEDDED, DeliveryFixtures.source()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state port");
  }
}
