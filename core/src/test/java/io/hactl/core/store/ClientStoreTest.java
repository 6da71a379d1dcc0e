package io.hactl.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.config.HactlPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientStoreTest {

  @TempDir Path home;

  private ClientStore store() {
    return new ClientStore(HactlPaths.fromEnvironment(Map.of("HACTL_HOME", home.toString())));
  }

  @Test
  void remembersTheCurrentEnvironmentAcrossInstances() {
    assertThat(store().currentEnvironment()).isEmpty();
    store().setCurrentEnvironment("prod");
    assertThat(store().currentEnvironment()).contains("prod");
  }

  @Test
  void keepsEnvironmentRecordsAndForgetsThemWithTheirFolder() {
    var record = new EnvironmentRecordFile("u-1", "local", "hactl-u", List.of("127.0.0.1:4000"),
        false);
    store().saveEnvironmentRecord("dev", record);
    assertThat(store().environmentRecord("dev")).contains(record);
    store().saveEnvironmentRecord("dev", record.asBootstrapped());
    assertThat(store().environmentRecord("dev").orElseThrow().bootstrapped()).isTrue();

    store().forget("dev");
    assertThat(store().environmentRecord("dev")).isEmpty();
    assertThat(store().environmentDirectory("dev")).doesNotExist();
  }

  @Test
  void writesSecretsReadableByTheOwnerOnly() throws Exception {
    store().saveSecret("dev", "s3cret");
    Path file = store().environmentDirectory("dev").resolve("secret");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(store().secret("dev")).isEqualTo("s3cret");
  }
}
