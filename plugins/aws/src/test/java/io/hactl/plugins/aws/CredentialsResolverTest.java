package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** Credentials named by reference: hactl's environment or a profile file. */
class CredentialsResolverTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  @TempDir Path folder;

  private AwsSettings settings(Map<String, String> extra) throws ProviderException {
    Map<String, String> settings = Fixtures.settings(MOTO.endpoint());
    settings.putAll(extra);
    return AwsSettings.parse(settings);
  }

  @Test
  void readsTheKeysFromTheEnvironmentIncludingASessionToken() throws Exception {
    CredentialsResolver resolver = new CredentialsResolver(Map.of(
        "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret",
        "AWS_SESSION_TOKEN", "token")::get);

    AwsCredentials credentials = resolver.resolve(settings(Map.of())).resolveCredentials();

    assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThat(credentials.toString()).doesNotContain("secret");
  }

  @Test
  void saysWhichVariablesAreMissing() {
    CredentialsResolver resolver = new CredentialsResolver(Map.of(
        "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")::get);

    assertThatThrownBy(() -> resolver.resolve(settings(Map.of())))
        .isInstanceOf(ProviderException.class)
        .hasMessage("no AWS credentials: credentials: env needs AWS_ACCESS_KEY_ID and"
            + " AWS_SECRET_ACCESS_KEY set in hactl's environment (or use profile: NAME)");
  }

  @Test
  void startsAnInstanceWithTheKeysOfANamedProfile() throws Exception {
    Path file = folder.resolve("credentials");
    Files.writeString(file, "[default]\naws_access_key_id = AKIDDEFAULT\n"
        + "aws_secret_access_key = one\n\n[hactl]\naws_access_key_id = AKIDHACTL\n"
        + "aws_secret_access_key = two\n");
    Map<String, String> environment = Map.of("AWS_SHARED_CREDENTIALS_FILE", file.toString(),
        "AWS_CONFIG_FILE", folder.resolve("absent").toString());
    AwsProvider provider = new AwsProvider(new Ec2Sessions(environment::get,
        EndpointPolicy.fromSystemProperties(), Fixtures.QUICK));
    Map<String, String> settings = Fixtures.settings(MOTO.endpoint());
    settings.put(AwsSettings.PROFILE, "hactl");
    ProviderContext context = Fixtures.context(settings, folder);

    Instance started = provider.startInstance(context, Fixtures.spec("0", false, ""));

    assertThat(provider.instances(context)).extracting(Instance::id).containsExactly(started.id());
    assertThat(new CredentialsResolver(environment::get)
        .resolve(AwsSettings.parse(settings)).resolveCredentials().accessKeyId())
        .isEqualTo("AKIDHACTL");
  }

  @Test
  void saysWhichProfilesExistWhenTheNamedOneDoesNot() throws Exception {
    Path file = folder.resolve("credentials");
    Files.writeString(file, "[default]\naws_access_key_id = AKIDDEFAULT\n"
        + "aws_secret_access_key = one\n");
    CredentialsResolver resolver = new CredentialsResolver(Map.of(
        "AWS_SHARED_CREDENTIALS_FILE", file.toString(),
        "AWS_CONFIG_FILE", folder.resolve("absent").toString())::get);

    assertThatThrownBy(() -> resolver.resolve(settings(Map.of("profile", "prod"))))
        .isInstanceOf(ProviderException.class)
        .hasMessage("no AWS profile named prod in " + file + " or " + folder.resolve("absent")
            + "; profiles there: default");
  }

  @Test
  void saysWhenAProfileHasNoKeys() throws Exception {
    Path file = folder.resolve("credentials");
    Files.writeString(file, "[ops]\nregion = eu-west-1\n");
    CredentialsResolver resolver = new CredentialsResolver(Map.of(
        "AWS_SHARED_CREDENTIALS_FILE", file.toString(),
        "AWS_CONFIG_FILE", folder.resolve("absent").toString())::get);

    assertThatThrownBy(() -> resolver.resolve(settings(Map.of("profile", "ops"))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("cannot read AWS credentials of profile ops from " + file)
        .hasMessageEndingWith("(profiles need aws_access_key_id and aws_secret_access_key)");
  }
}
