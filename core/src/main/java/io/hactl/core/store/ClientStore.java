package io.hactl.core.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hactl.config.HactlPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The client's own files under the data folder: which environment is current, what it knows of
 * each bootstrapped environment, and each environment's secret. Every file is replaced
 * atomically, so a crash never leaves half a file.
 */
public final class ClientStore {

  private static final String CURRENT_KEY = "current-environment";

  private final HactlPaths paths;
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ClientStore(HactlPaths paths) {
    this.paths = paths;
  }

  public Optional<String> currentEnvironment() {
    Path file = paths.clientStoreFile();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      Map<?, ?> values = yaml.readValue(file.toFile(), Map.class);
      return Optional.ofNullable(values).map(v -> v.get(CURRENT_KEY)).map(String::valueOf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public void setCurrentEnvironment(String name) {
    write(paths.clientStoreFile(), Map.of(CURRENT_KEY, name));
  }

  /** The folder holding everything this client keeps for {@code environment}. */
  public Path environmentDirectory(String environment) {
    return paths.environmentDirectory(environment);
  }

  public Optional<EnvironmentRecordFile> environmentRecord(String environment) {
    Path file = recordFile(environment);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(yaml.readValue(file.toFile(), EnvironmentRecordFile.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public void saveEnvironmentRecord(String environment, EnvironmentRecordFile record) {
    write(recordFile(environment), record);
  }

  /** Writes the environment's replica-set key, readable by its owner only. */
  public void saveSecret(String environment, String secret) {
    Path file = environmentDirectory(environment).resolve("secret");
    SecureFiles.writeOwnerOnly(file, secret);
  }

  public String secret(String environment) {
    Path file = environmentDirectory(environment).resolve("secret");
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret of environment " + environment, e);
    }
  }

  /**
   * Writes the environment's credential key (base64), readable by its owner only: this client
   * seals the provider credentials with it at bootstrap and {@code update-credentials}.
   */
  public void saveCredentialKey(String environment, String encodedKey) {
    SecureFiles.writeOwnerOnly(environmentDirectory(environment).resolve("credential-key"),
        encodedKey);
  }

  /** The environment's credential key (base64); empty when this client keeps none. */
  public Optional<String> credentialKey(String environment) {
    Path file = environmentDirectory(environment).resolve("credential-key");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the credential key of environment "
          + environment, e);
    }
  }

  /** Deletes everything this client keeps for the environment. */
  public void forget(String environment) {
    SecureFiles.deleteTree(environmentDirectory(environment));
  }

  private Path recordFile(String environment) {
    return environmentDirectory(environment).resolve("environment.yaml");
  }

  private void write(Path file, Object value) {
    try {
      SecureFiles.writeAtomically(file, yaml.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
