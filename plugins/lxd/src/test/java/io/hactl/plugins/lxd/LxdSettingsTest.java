package io.hactl.plugins.lxd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hactl.plugin.api.SettingProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LxdSettingsTest {
  @TempDir Path dir;

  @Test
  void noSettingsMeansTheLocalSocketTheTestImageAndTheDefaultProfile() {
    LxdSettings settings = LxdSettings.from(Map.of());

    assertThat(LxdSettings.validate(Map.of())).isEmpty();
    assertThat(settings.socket()).isEqualTo(Path.of("/var/lib/lxd/unix.socket"));
    assertThat(settings.endpoint()).isEmpty();
    assertThat(settings.image()).isEqualTo("hactl-bookworm");
    assertThat(settings.profiles()).containsExactly("default");
  }

  @Test
  void reportsUnknownKeysAndBadNames() {
    List<SettingProblem> problems = new LxdProvider().validateSettings(
        Map.of("imgae", "x", "image", "a/b", "profile", "default,,big one"));

    assertThat(problems).extracting(SettingProblem::key).containsExactly("imgae", "image",
        "profile");
    assertThat(problems.get(0).message())
        .startsWith("unknown setting for provider lxd; it accepts client-cert, client-key,");
  }

  @Test
  void anHttpsEndpointNeedsAClientCertificateAndTheServersCertificate() {
    assertThat(LxdSettings.validate(Map.of("endpoint", "https://127.0.0.1:8443")))
        .extracting(SettingProblem::key)
        .containsExactly("client-cert", "server-cert");
    assertThat(LxdSettings.validate(Map.of("endpoint", "http://127.0.0.1:8443")))
        .extracting(SettingProblem::key).contains("endpoint");
    assertThat(LxdSettings.validate(Map.of("client-cert", "/x")))
        .extracting(SettingProblem::key, SettingProblem::message)
        .contains(tuple("client-cert", "only used with endpoint (https)"));
  }

  @Test
  void acceptsAnEndpointWithReadablePemFiles() throws Exception {
    Path cert = Files.writeString(dir.resolve("client.crt"), "x");
    Path key = Files.writeString(dir.resolve("client.key"), "x");
    Path server = Files.writeString(dir.resolve("server.crt"), "x");

    Map<String, String> settings = Map.of("endpoint", "https://127.0.0.1:8443",
        "client-cert", cert.toString(), "client-key", key.toString(),
        "server-cert", server.toString());

    assertThat(LxdSettings.validate(settings)).isEmpty();
    assertThat(LxdSettings.from(settings).endpoint()).hasValueSatisfying(
        uri -> assertThat(uri.getPort()).isEqualTo(8443));
    assertThat(LxdSettings.validate(Map.of("endpoint", "https://127.0.0.1:8443",
        "client-pkcs12", dir.resolve("missing.p12").toString(), "server-cert", server.toString())))
        .extracting(SettingProblem::message).containsExactly("cannot read the file "
            + dir.resolve("missing.p12"));
  }
}
