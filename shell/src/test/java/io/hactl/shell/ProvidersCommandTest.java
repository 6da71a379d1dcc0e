package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.EnvironmentSummary;
import io.hactl.core.HactlException;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.provider.PluginProblem;
import io.hactl.core.provider.ProviderDescription;
import io.hactl.core.provider.ProviderListing;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.shell.command.HactlCommand;
import io.hactl.shell.session.CoreAccess;
import io.hactl.shell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidersCommandTest {

  private static final ProviderListing LISTING = new ProviderListing("0.2", List.of(
      new ProviderDescription("aws", "hactl-provider-aws", "0.1.0", "0.2", List.of(
          new ProviderSetting("region", "AWS region, e.g. eu-west-1", true, false),
          new ProviderSetting("secret-key", "reference to the secret access key", false, true))),
      new ProviderDescription("local", "hactl-provider-local", "0.1.0", "0.2", List.of())),
      List.of(new PluginProblem("acme-old", "refused (acme-old-1.0.jar): it was built for"
          + " provider SPI 0.1 but this hactl implements SPI 0.2; install a plugin release built"
          + " for SPI 0.2")));

  /** Only what {@code providers} needs; anything else is not this test's business. */
  private static final class ProvidersOnly implements CoreAccess {
    @Override
    public ProviderListing describeProviders() {
      return LISTING;
    }

    @Override
    public String currentEnvironmentName() throws HactlException {
      throw HactlException.badInput("no environments here");
    }

    @Override
    public List<EnvironmentSummary> listEnvironments() {
      return List.of();
    }

    @Override
    public void switchEnvironment(String name) throws HactlException {
      throw HactlException.badInput("no environments here");
    }

    @Override
    public EnvironmentClient openClient(String environmentName) throws HactlException {
      throw HactlException.badInput("no environments here");
    }

    @Override
    public void close() {
      // Nothing is held.
    }
  }

  private ShellHarness.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    HactlCommand root = new HactlCommand(new Session(new ProvidersOnly(), new FakeConsole()),
        pinned -> 0);
    int code = CommandLines.create(root, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
    return new ShellHarness.Run(code, out.toString(), err.toString());
  }

  @Test
  void listsProvidersWithVersionsSettingsAndRefusedPlugins() {
    ShellHarness.Run run = run("providers");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("""
        TYPE   PLUGIN                VERSION  SPI
        aws    hactl-provider-aws    0.1.0    0.2
        local  hactl-provider-local  0.1.0    0.2

        Settings of aws:
        NAME        REQUIRED  SECRET  DESCRIPTION
        region      yes       no      AWS region, e.g. eu-west-1
        secret-key  no        yes     reference to the secret access key

        Settings of local: none

        Not loaded:
        plugin acme-old: refused (acme-old-1.0.jar): it was built for provider SPI 0.1 but \
        this hactl implements SPI 0.2; install a plugin release built for SPI 0.2

        This hactl implements provider SPI 0.2.
        """);
  }

  @Test
  void asYamlIsKeyedByTypeWithSettingsByName() {
    ShellHarness.Run run = run("providers", "--format", "yaml");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("""
        spi-version: "0.2"
        providers:
          aws:
            plugin: hactl-provider-aws
            plugin-version: 0.1.0
            spi-version: "0.2"
            settings:
              region:
                description: "AWS region, e.g. eu-west-1"
                required: true
                secret: false
        """);
    assertThat(run.out()).contains("""
        not-loaded:
        - plugin: acme-old
        """);
  }

  @Test
  void asJsonCarriesTheSameDocument() {
    ShellHarness.Run run = run("providers", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"spi-version\"", "\"hactl-provider-local\"",
        "\"secret\" : true");
  }
}
