package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials a controller gets from hactl: resolved on the client (from its environment
 * or a profile), then used by a provider that has neither, against moto_server.
 */
class ControllerCredentialsTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private static final String CLIENT_KEY_ID = "AKIDCLIENTONLY";

  @TempDir Path folder;

  /** A provider on a machine with no AWS variables and no profile files at all. */
  private AwsProvider bareController() {
    Map<String, String> nothing = Map.of(
        CredentialsResolver.CREDENTIALS_FILE, folder.resolve("absent-credentials").toString(),
        CredentialsResolver.CONFIG_FILE, folder.resolve("absent-config").toString());
    return new AwsProvider(new Ec2Sessions(nothing::get, EndpointPolicy.fromSystemProperties(),
        Fixtures.QUICK));
  }

  private AwsProvider client(Map<String, String> environment) {
    return new AwsProvider(new Ec2Sessions(environment::get,
        EndpointPolicy.fromSystemProperties(), Fixtures.QUICK));
  }

  @Test
  void aControllerWithoutEnvironmentOrProfileStartsListsAndStopsWithResolvedCredentials()
      throws Exception {
    ProviderContext context = Fixtures.context(Fixtures.settings(MOTO.endpoint()), folder);
    Map<String, String> resolved = client(Map.of(
        CredentialsResolver.ACCESS_KEY_ID, CLIENT_KEY_ID,
        CredentialsResolver.SECRET_ACCESS_KEY, "client-secret-never-printed"))
        .resolveCredentials(context);
    AwsProvider controller = bareController();
    ProviderContext onController = context.withCredentials(resolved);

    Instance started = controller.startInstance(onController, Fixtures.spec("1", true, ""));

    assertThat(controller.instances(onController)).extracting(Instance::id)
        .containsExactly(started.id());
    controller.stopInstances(onController, List.of(started.id()));
    assertThat(controller.instances(onController)).isEmpty();
  }

  @Test
  void withoutResolvedCredentialsTheSameControllerCannotCallEc2() {
    ProviderContext context = Fixtures.context(Fixtures.settings(MOTO.endpoint()), folder);

    assertThatThrownBy(() -> bareController().instances(context))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("no AWS credentials: credentials: env needs AWS_ACCESS_KEY_ID");
  }

  @Test
  void resolvesTheKeyIdSecretAndSessionTokenOfTheEnvironment() throws Exception {
    ProviderContext context = Fixtures.context(Fixtures.settings(MOTO.endpoint()), folder);

    Map<String, String> resolved = client(Map.of(
        CredentialsResolver.ACCESS_KEY_ID, "AKIDENV", CredentialsResolver.SECRET_ACCESS_KEY,
        "env-secret", CredentialsResolver.SESSION_TOKEN, "env-token"))
        .resolveCredentials(context);

    assertThat(resolved).containsExactlyInAnyOrderEntriesOf(Map.of(
        CredentialsResolver.KEY_ID, "AKIDENV", CredentialsResolver.SECRET, "env-secret",
        CredentialsResolver.TOKEN, "env-token"));
  }

  @Test
  void resolvesTheKeysOfANamedProfile() throws Exception {
    Path file = folder.resolve("credentials");
    Files.writeString(file, "[hactl]\naws_access_key_id = AKIDPROFILE\n"
        + "aws_secret_access_key = profile-secret\n");
    Map<String, String> settings = Fixtures.settings(MOTO.endpoint());
    settings.put(AwsSettings.PROFILE, "hactl");

    Map<String, String> resolved = client(Map.of(CredentialsResolver.CREDENTIALS_FILE,
        file.toString(), CredentialsResolver.CONFIG_FILE, folder.resolve("absent").toString()))
        .resolveCredentials(Fixtures.context(settings, folder));

    assertThat(resolved).containsExactlyInAnyOrderEntriesOf(Map.of(
        CredentialsResolver.KEY_ID, "AKIDPROFILE", CredentialsResolver.SECRET,
        "profile-secret"));
  }

  @Test
  void incompleteStoredCredentialsAreRefusedNamingKeysButNoValue() {
    ProviderContext context = Fixtures.context(Fixtures.settings(MOTO.endpoint()), folder)
        .withCredentials(Map.of(CredentialsResolver.SECRET, "lonely-secret"));

    assertThatThrownBy(() -> bareController().instances(context))
        .isInstanceOf(ProviderException.class)
        .hasMessage("the AWS credentials hactl stored for the controllers lack access-key-id or"
            + " secret-access-key (they hold [secret-access-key]); run `hactl"
            + " update-credentials`")
        .hasMessageNotContaining("lonely-secret");
    assertThat(context.toString()).doesNotContain("lonely-secret");
  }
}
