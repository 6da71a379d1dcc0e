package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard that keeps every test of this module off real AWS: the build sets {@value
 * EndpointPolicy#LOOPBACK_ONLY}, and the plugin then refuses, before any request, settings with
 * no endpoint or with one that is not loopback.
 */
class NetworkSafetyTest {
  @TempDir Path storage;

  @Test
  void theBuildTurnsTheLoopbackGuardOn() {
    assertThat(Boolean.getBoolean(EndpointPolicy.LOOPBACK_ONLY)).isTrue();
  }

  @Test
  void refusesToRunWithoutAnEndpointOverride() {
    Map<String, String> settings = Fixtures.settings(URI.create("http://127.0.0.1:1"));
    settings.remove(AwsSettings.ENDPOINT);
    ProviderContext realAws = Fixtures.context(settings, storage);

    assertThatThrownBy(() -> Fixtures.provider().instances(realAws))
        .isInstanceOf(ProviderException.class)
        .hasMessage("refusing to call real AWS: hactl.aws.loopback-only is set, so an endpoint:"
            + " http://127.0.0.1:PORT setting is required");
  }

  @Test
  void refusesEndpointsThatAreNotLoopback() {
    ProviderContext elsewhere = Fixtures.context(
        Fixtures.settings(URI.create("https://ec2.us-east-1.amazonaws.com")), storage);

    assertThatThrownBy(() -> Fixtures.provider().startInstance(elsewhere,
        Fixtures.spec("0", false, "")))
        .isInstanceOf(ProviderException.class)
        .hasMessage("refusing EC2 endpoint https://ec2.us-east-1.amazonaws.com:"
            + " hactl.aws.loopback-only is set, so only loopback endpoints (127.0.0.1) may be"
            + " used");
  }

  @Test
  void acceptsOnlyLiteralLoopbackAddressesNotNames() throws Exception {
    EndpointPolicy guard = new EndpointPolicy(true);

    guard.check(Optional.of(URI.create("http://127.0.0.1:5000")));
    guard.check(Optional.of(URI.create("http://[::1]:5000")));
    assertThatThrownBy(() -> guard.check(Optional.of(URI.create("http://localhost:5000"))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("refusing EC2 endpoint http://localhost:5000");
    assertThatThrownBy(() -> guard.check(Optional.of(URI.create("http://10.0.0.1:5000"))))
        .isInstanceOf(ProviderException.class);
  }

  @Test
  void withoutTheGuardAnyEndpointIsUsedAsGiven() throws Exception {
    EndpointPolicy open = new EndpointPolicy(false);

    open.check(Optional.empty());
    open.check(Optional.of(URI.create("https://ec2.eu-west-1.amazonaws.com")));
  }
}
