package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code agent-url}, {@code agent-sha256}, {@code agent-port}, {@code bootstrap-agent-address}:
 * how cloud machines get the agent.
 */
class AgentDeliveryKeysTest {

  private static final Path FILE = Path.of("conf", "environments.yaml");
  private static final String SHA = "AB".repeat(32);

  private static ConfigException refused(String settings) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> EnvironmentsLoader.parse("environments:\n  prod:\n    type: lxd\n" + settings,
            FILE));
    assertThat(e).as(settings).isNotNull();
    return e;
  }

  @Test
  void readsTheDownloadUrlWithItsChecksumInLowerCase() throws ConfigException {
    Environments environments = EnvironmentsLoader.parse("""
        environments:
          prod:
            type: aws
            agent-url: https://downloads.example/hactl-agent-dist.tar.gz
            agent-sha256: %s
            agent-port: 18000
            region: eu-west-1
        """.formatted(SHA), FILE);
    AgentDelivery delivery = environments.environments().get("prod").agentDelivery();

    assertThat(delivery.url())
        .isEqualTo(URI.create("https://downloads.example/hactl-agent-dist.tar.gz"));
    assertThat(delivery.sha256()).isEqualTo("ab".repeat(32));
    assertThat(delivery.port()).isEqualTo(18000);
    assertThat(environments.environments().get("prod").providerSettings())
        .containsOnlyKeys("region");
  }

  @Test
  void cloudEnvironmentsServeTheAgentOn17071AndLocalOnesNot() throws ConfigException {
    Environments environments = EnvironmentsLoader.parse("""
        environments:
          cloud: {type: lxd, bootstrap-agent-address: "10.77.10.1:17070"}
          here: {type: local}
        """, FILE);

    AgentDelivery cloud = environments.environments().get("cloud").agentDelivery();
    assertThat(cloud.port()).isEqualTo(AgentDelivery.DEFAULT_PORT).isEqualTo(17071);
    assertThat(cloud.url()).isNull();
    assertThat(cloud.bootstrapAddress()).isEqualTo("10.77.10.1:17070");
    assertThat(environments.environments().get("here").agentDelivery())
        .isEqualTo(AgentDelivery.NONE);
    assertThat(Environments.builtIn().environments().get("local").agentDelivery())
        .isEqualTo(AgentDelivery.NONE);
  }

  @Test
  void aUrlNeedsItsChecksumAndAChecksumItsUrl() {
    assertThat(refused("    agent-url: http://10.0.0.1/a.tar.gz\n").getMessage())
        .contains("\"agent-url\" needs \"agent-sha256\": the distribution's SHA-256: 64"
            + " hexadecimal digits");
    assertThat(refused("    agent-sha256: " + SHA + "\n").getMessage())
        .contains("\"agent-sha256\" needs \"agent-url\"");
  }

  @Test
  void refusesBadUrlsChecksumsAndAddressesWithTheKeysPath() {
    assertThat(refused("    agent-url: ftp://h/a.tar.gz\n    agent-sha256: " + SHA + "\n")
        .getMessage()).contains("environments.prod.agent-url")
        .contains("expected an http:// or https:// URL");
    assertThat(refused("    agent-url: https://user:pw@h/a.tar.gz\n    agent-sha256: " + SHA
        + "\n").getMessage()).contains("environments.prod.agent-url");
    assertThat(refused("    agent-url: http://h/a\n    agent-sha256: abc\n").getMessage())
        .contains("environments.prod.agent-sha256").contains("64 hexadecimal digits");
    assertThat(refused("    bootstrap-agent-address: myhost:80\n").getMessage())
        .contains("environments.prod.bootstrap-agent-address").contains("IP:PORT");
    assertThat(refused("    bootstrap-agent-address: 10.0.0.1\n").getMessage())
        .contains("environments.prod.bootstrap-agent-address");
    assertThat(refused("    agent-port: 70000\n").getMessage())
        .contains("environments.prod.agent-port");
  }

  @Test
  void printsDownloadUrlsWithoutTheirQuery() {
    AgentDelivery delivery = new AgentDelivery(
        URI.create("https://bucket.example/a.tar.gz?X-Amz-Signature=secret"), SHA, 0, null);

    assertThat(delivery.toString()).contains("https://bucket.example/a.tar.gz?<hidden>")
        .doesNotContain("secret");
  }
}
