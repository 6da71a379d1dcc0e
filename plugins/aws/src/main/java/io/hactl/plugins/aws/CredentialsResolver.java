package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Turns the settings' reference to credentials into an access key, read from hactl's own
 * environment or the named profile at the moment of use. Keys are resolved once per call and
 * never leave the SDK's credential objects (whose {@code toString} redacts them); every message
 * names only where they were looked for.
 */
final class CredentialsResolver {
  static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
  static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
  static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
  static final String CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";
  static final String CONFIG_FILE = "AWS_CONFIG_FILE";

  /** Names of the credential material {@link #resolved} hands to hactl and {@link #given} reads. */
  static final String KEY_ID = "access-key-id";
  static final String SECRET = "secret-access-key";
  static final String TOKEN = "session-token";

  private final Function<String, String> environment;

  /** @param environment the process environment ({@code System::getenv} outside tests) */
  CredentialsResolver(Function<String, String> environment) {
    this.environment = environment;
  }

  AwsCredentialsProvider resolve(AwsSettings settings) throws ProviderException {
    return settings.credentials() == AwsSettings.CredentialSource.PROFILE
        ? fromProfile(settings.profile())
        : fromEnvironment();
  }

  /**
   * The access key the settings name, as the named material hactl stores sealed in state for
   * the controllers ({@code Provider.resolveCredentials}).
   */
  Map<String, String> resolved(AwsSettings settings) throws ProviderException {
    AwsCredentials credentials;
    try {
      credentials = resolve(settings).resolveCredentials();
    } catch (SdkException e) {
      throw new ProviderException("cannot read AWS credentials from "
          + settings.credentialsReference() + ": " + e.getMessage(), e);
    }
    Map<String, String> material = new LinkedHashMap<>();
    material.put(KEY_ID, credentials.accessKeyId());
    material.put(SECRET, credentials.secretAccessKey());
    if (credentials instanceof AwsSessionCredentials session) {
      material.put(TOKEN, session.sessionToken());
    }
    return material;
  }

  /**
   * The credentials hactl handed back on a controller ({@code ProviderContext.credentials}),
   * used instead of any lookup: a controller has no such environment variables or profiles.
   */
  static AwsCredentialsProvider given(Map<String, String> material) throws ProviderException {
    String keyId = material.get(KEY_ID);
    String secret = material.get(SECRET);
    if (keyId == null || keyId.isBlank() || secret == null || secret.isBlank()) {
      // Names only: the map holds secrets.
      throw new ProviderException("the AWS credentials hactl stored for the controllers lack "
          + KEY_ID + " or " + SECRET + " (they hold " + new TreeSet<>(material.keySet())
          + "); run `hactl update-credentials`");
    }
    String token = material.get(TOKEN);
    return StaticCredentialsProvider.create(token == null || token.isBlank()
        ? AwsBasicCredentials.create(keyId, secret)
        : AwsSessionCredentials.create(keyId, secret, token));
  }

  private AwsCredentialsProvider fromEnvironment() throws ProviderException {
    String keyId = variable(ACCESS_KEY_ID);
    String secret = variable(SECRET_ACCESS_KEY);
    if (keyId == null || secret == null) {
      throw new ProviderException("no AWS credentials: credentials: env needs " + ACCESS_KEY_ID
          + " and " + SECRET_ACCESS_KEY + " set in hactl's environment (or use profile: NAME)");
    }
    String token = variable(SESSION_TOKEN);
    AwsCredentials credentials = token == null
        ? AwsBasicCredentials.create(keyId, secret)
        : AwsSessionCredentials.create(keyId, secret, token);
    return StaticCredentialsProvider.create(credentials);
  }

  private AwsCredentialsProvider fromProfile(String profile) throws ProviderException {
    Path home = Path.of(System.getProperty("user.home"));
    Path credentialsFile = pathOr(CREDENTIALS_FILE, home.resolve(".aws").resolve("credentials"));
    Path configFile = pathOr(CONFIG_FILE, home.resolve(".aws").resolve("config"));
    ProfileFile.Aggregator files = ProfileFile.aggregator();
    boolean any = false;
    if (Files.isRegularFile(credentialsFile)) {
      files.addFile(ProfileFile.builder().content(credentialsFile)
          .type(ProfileFile.Type.CREDENTIALS).build());
      any = true;
    }
    if (Files.isRegularFile(configFile)) {
      files.addFile(ProfileFile.builder().content(configFile)
          .type(ProfileFile.Type.CONFIGURATION).build());
      any = true;
    }
    String where = credentialsFile + " or " + configFile;
    if (!any) {
      throw new ProviderException("no AWS credentials for profile " + profile + ": neither "
          + where + " exists; create one or use credentials: env");
    }
    ProfileCredentialsProvider provider;
    try {
      ProfileFile merged = files.build();
      if (merged.profile(profile).isEmpty()) {
        throw new ProviderException("no AWS profile named " + profile + " in " + where
            + "; profiles there: " + String.join(", ", merged.profiles().keySet()));
      }
      provider = ProfileCredentialsProvider.builder().profileFile(merged).profileName(profile)
          .build();
      // Resolved now, so that a profile without keys fails before anything is requested.
      provider.resolveCredentials();
    } catch (SdkException | IllegalStateException | IllegalArgumentException e) {
      // The SDK's messages name the profile and the missing property, never a key.
      throw new ProviderException("cannot read AWS credentials of profile " + profile + " from "
          + where + ": " + e.getMessage()
          + " (profiles need aws_access_key_id and aws_secret_access_key)", e);
    }
    return provider;
  }

  private Path pathOr(String variable, Path fallback) {
    String value = variable(variable);
    return value == null ? fallback : Path.of(value);
  }

  private String variable(String name) {
    String value = environment.apply(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
