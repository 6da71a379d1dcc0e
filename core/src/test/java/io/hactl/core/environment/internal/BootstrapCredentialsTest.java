package io.hactl.core.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.config.HactlPaths;
import io.hactl.core.HactlCore;
import io.hactl.core.HactlException;
import io.hactl.core.InstallLayout;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.core.backup.BackupService;
import io.hactl.core.backup.RestoreRequest;
import io.hactl.core.backup.RestoreResult;
import io.hactl.core.credentials.ControllerContexts;
import io.hactl.core.environment.BootstrapResult;
import io.hactl.core.environment.CredentialsUpdate;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.provider.ProviderRegistry;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.core.state.internal.RawState;
import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugins.testkit.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bootstrap through the client API with a cloud provider loaded from a real plugin jar, whose
 * controller is an embedded member in this JVM: the credentials the provider resolves on the
 * client are in state only sealed, and a controller (its agent config, its own copy of the
 * plugin, as the master's agent builds them) hands them to the provider, updates included.
 */
class BootstrapCredentialsTest {

  private static final String TOKEN = "tok-5ecr3t-0f-the-cloud";
  private static final String ROTATED = "tok-r0tated-5ecr3t";
  private static final AgentDistribution AGENT =
      new AgentDistribution(Path.of("java"), List.of(), "io.hactl.agent.AgentMain", List.of());

  @TempDir Path home;
  private Path plugins;
  private HactlCore core;
  private EnvironmentClient client;

  @BeforeEach
  void bootstrapWithAPluginJar() throws Exception {
    plugins = Files.createDirectories(home.resolve("plugins"));
    PluginJar.named("in-process-cloud").classes(InProcessCloudProvider.class)
        .extension(InProcessCloudProvider.class).writeTo(plugins);
    core = open(TOKEN);
    client = core.client("cloud");
  }

  @AfterEach
  void destroy() throws Exception {
    try {
      client.destroy();
    } finally {
      client.close();
      core.close();
    }
  }

  private HactlCore open(String token) throws Exception {
    return open(home, token);
  }

  private HactlCore open(Path home, String token) throws Exception {
    Files.createDirectories(home);
    HactlPaths paths = new HactlPaths(home.resolve("environments.yaml"), home.resolve("data"));
    Files.writeString(paths.configFile(), """
        environments:
          cloud:
            type: in-process-cloud
            token: %s
            agent-url: http://127.0.0.1:9/hactl-agent-dist.tar.gz
            agent-sha256: %s
        """.formatted(token, "0".repeat(64)));
    return HactlCore.open(paths, new InstallLayout(List.of(plugins), AGENT));
  }

  @Test
  void stateHoldsTheCredentialsOnlySealedAndAControllerHandsThemToItsProvider()
      throws Exception {
    BootstrapResult result = client.bootstrap();

    String dump = rawState(result.stateAddress());
    assertThat(dump).contains("provider-credentials").contains("\"sealed\": \"v1:")
        .doesNotContain(TOKEN).doesNotContain(InProcessCloudProvider.CREDENTIAL);
    Path keyFile = home.resolve("data").resolve("environments").resolve("cloud")
        .resolve("credential-key");
    assertThat(Files.exists(keyFile)).as("client keeps the key in %s", keyFile).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(dump).doesNotContain(Files.readString(keyFile).strip());

    AgentConfig controller = machine0Config(result);
    assertThat(controller.providerAccess().credentialKey()).isNotNull();
    try (Controller master = new Controller(controller, result)) {
      Instance seen = master.listOwnInstance();
      assertThat(seen.details()).containsEntry("credentials", "api-token")
          .containsEntry("token-sha256", InProcessCloudProvider.sha256(TOKEN));
    }
  }

  @Test
  void updateCredentialsReachesARunningMasterOnItsNextCall() throws Exception {
    BootstrapResult result = client.bootstrap();
    try (Controller master = new Controller(machine0Config(result), result)) {
      assertThat(master.listOwnInstance().details())
          .containsEntry("token-sha256", InProcessCloudProvider.sha256(TOKEN));

      CredentialsUpdate update;
      try (HactlCore rotated = open(ROTATED); EnvironmentClient again = rotated.client("cloud")) {
        update = again.updateCredentials();
      }

      assertThat(update.names()).containsExactly("api-token");
      assertThat(rawState(result.stateAddress())).doesNotContain(ROTATED);
      assertThat(master.listOwnInstance().details())
          .containsEntry("token-sha256", InProcessCloudProvider.sha256(ROTATED));
    }
  }

  @Test
  void alteredSealedCredentialsStopTheMastersProviderCallsWithAClearError() throws Exception {
    BootstrapResult result = client.bootstrap();
    String sealed = RawState.field(result.stateAddress(), "settings", "provider-credentials",
        "sealed");
    // Flip one bit of the ciphertext itself: editing a base64 character could touch only the
    // padding bits of the last group and leave the bytes as they were.
    int bodyAt = sealed.lastIndexOf(':') + 1;
    byte[] body = Base64.getDecoder().decode(sealed.substring(bodyAt));
    body[0] ^= 1;
    RawState.set(result.stateAddress(), "settings", "provider-credentials", "sealed",
        sealed.substring(0, bodyAt) + Base64.getEncoder().encodeToString(body));
    try (Controller master = new Controller(machine0Config(result), result)) {
      assertThatThrownBy(master::listOwnInstance)
          .isInstanceOf(HactlException.class)
          .hasMessage("cannot call provider as master of environment cloud: cannot decrypt the"
              + " provider credentials in state: they were altered, or sealed under another"
              + " credential key or for another environment; run `hactl update-credentials`"
              + " from the client that bootstrapped the environment");
    }
  }

  @Test
  void aRestoreFromAClientWithoutTheKeyGivesTheNewControllerFreshCredentialsItCanOpen()
      throws Exception {
    client.bootstrap();
    Path archive = home.resolve("backup.zip");
    try (BackupService backups = core.backups("cloud")) {
      backups.create("before the move", archive);
    }
    Path elsewhere = home.resolve("other-client");

    try (HactlCore other = open(elsewhere, ROTATED);
        EnvironmentClient otherClient = other.client("cloud")) {
      try (BackupService backups = other.backups("cloud")) {
        RestoreResult restored = backups.restore(
            new RestoreRequest(archive, null, true, true, question -> true));
        try {
          String key = Files.readString(environmentFolder(elsewhere).resolve("credential-key"));
          assertThat(key.strip()).isNotEqualTo(
              Files.readString(environmentFolder(home).resolve("credential-key")).strip());
          AgentConfig controller = agentConfig(elsewhere, restored.controllerMachine());
          assertThat(controller.providerAccess().credentialKey().encoded()).isEqualTo(
              key.strip());
          assertThat(RawState.dump(restored.controllerAddress())).contains("provider-credentials")
              .doesNotContain(ROTATED).doesNotContain(TOKEN);
          try (Controller master = new Controller(controller, restored.controllerAddress())) {
            assertThat(master.listOwnInstance().details())
                .containsEntry("token-sha256", InProcessCloudProvider.sha256(ROTATED));
          }
        } finally {
          otherClient.destroy();
        }
      }
    }
  }

  @Test
  void aClientWithoutTheCredentialKeyCannotUpdateThemAndSaysWhy() throws Exception {
    client.bootstrap();
    Files.delete(home.resolve("data").resolve("environments").resolve("cloud")
        .resolve("credential-key"));

    assertThatThrownBy(client::updateCredentials)
        .isInstanceOf(HactlException.class)
        .hasMessageStartingWith("cannot update the credentials of environment cloud: this"
            + " client does not hold its credential key");
  }

  private AgentConfig machine0Config(BootstrapResult result) throws Exception {
    assertThat(result.machineId()).isEqualTo("0");
    return agentConfig(home, "0");
  }

  /** A machine's agent config, as the provider of the client at {@code home} put it there. */
  private static AgentConfig agentConfig(Path home, String machineId) throws Exception {
    return AgentConfigCodec.read(environmentFolder(home).resolve("provider")
        .resolve("cloud-" + machineId).resolve("agent.yaml"));
  }

  private static Path environmentFolder(Path home) {
    return home.resolve("data").resolve("environments").resolve("cloud");
  }

  private static String rawState(String address) {
    return RawState.dump(address);
  }

  /**
   * What the master's agent builds from its config: its own copy of the plugins, its own
   * connection to state, and the contexts that open the sealed credentials.
   */
  private static final class Controller implements AutoCloseable {
    private final ProviderRegistry registry;
    private final StateStore state;
    private final ControllerContexts contexts;
    private final ProviderAccess access;

    Controller(AgentConfig config, BootstrapResult result) {
      this(config, result.stateAddress());
    }

    Controller(AgentConfig config, String stateAddress) {
      access = config.providerAccess();
      registry = ProviderRegistry.load(access.pluginRoots(), Duration.ofSeconds(30));
      state = StateStores.connect(new StateEndpoint(List.of(stateAddress),
          config.replicaSet(), Duration.ofSeconds(10)));
      ProviderContext base = access.context(config.environmentName(),
          config.environmentUuid());
      contexts = new ControllerContexts(base, state, access.credentialKey());
    }

    Instance listOwnInstance() throws HactlException {
      return registry.provider(access.providerType()).instances(contexts.current()).get(0);
    }

    @Override
    public void close() {
      state.close();
      registry.close();
    }
  }
}
