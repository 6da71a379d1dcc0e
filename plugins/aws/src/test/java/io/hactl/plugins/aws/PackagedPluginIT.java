package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderSpi;
import io.hactl.plugins.testkit.HostGuard;
import io.hactl.plugins.testkit.LoadedPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;

/**
 * The shipped plugin jar: PF4J's jar loader puts only that jar on the plugin's class path, so
 * the SDK must be inside it; what the host supplies (SPI, PF4J, SLF4J) must not be, and neither
 * may the HTTP stacks and Jackson the host or other plugins carry in other versions. The full
 * provider contract runs on the same classes in AwsProviderContractTest; here one round trip
 * through the shipped jar proves the SDK works from inside it.
 */
class PackagedPluginIT {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  @TempDir Path storage;

  @Test
  void carriesTheSdkButNothingTheHostSupplies() throws Exception {
    List<String> entries;
    try (JarFile jar = new JarFile(PackagedPlugin.jar().toFile())) {
      entries = jar.stream().map(JarEntry::getName).toList();
      assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id"))
          .isEqualTo("hactl-provider-aws");
      assertThat(jar.getManifest().getMainAttributes().getValue(ProviderSpi.MANIFEST_ATTRIBUTE))
          .isEqualTo(ProviderSpi.VERSION);
    }

    assertThat(entries).contains("META-INF/extensions.idx",
        "io/hactl/plugins/aws/AwsProvider.class",
        "software/amazon/awssdk/services/ec2/Ec2Client.class",
        "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
    assertThat(entries).noneMatch(name -> name.startsWith("io/hactl/plugin/api/")
        || name.startsWith("org/pf4j/") || name.startsWith("org/slf4j/")
        || name.startsWith("io/netty/") || name.startsWith("org/apache/http")
        || name.startsWith("org/apache/hc/") || name.startsWith("com/fasterxml/")
        || name.equals("module-info.class"));
  }

  @Test
  void loadsTheSdkFromItsOwnJarAndTheSpiFromTheHost() throws Exception {
    try (LoadedPlugin plugin = LoadedPlugin.load(PackagedPlugin.jar())) {
      ClassLoader loader = plugin.classLoader();

      assertThat(plugin.provider().type()).isEqualTo("aws");
      assertThat(Class.forName("software.amazon.awssdk.services.ec2.Ec2Client", false, loader)
          .getClassLoader()).isSameAs(loader);
      assertThat(Class.forName("io.hactl.plugin.api.Provider", false, loader).getClassLoader())
          .isSameAs(io.hactl.plugin.api.Provider.class.getClassLoader());
      assertThat(plugin.provider().settings()).extracting(setting -> setting.name())
          .contains("region", "image-id", "credentials", "profile", "endpoint");
    }
  }

  @Test
  void startsListsAndStopsAnInstanceFromTheShippedJar() throws Exception {
    String userData = "#cloud-config\n# from the shipped plugin jar\n";
    try (LoadedPlugin plugin = LoadedPlugin.load(PackagedPlugin.jar());
        HostGuard host = plugin.guard(Duration.ofSeconds(60))) {
      ProviderContext context = Fixtures.context(Fixtures.settings(MOTO.endpoint()), storage);

      Instance started = host.startInstance(context, Fixtures.spec("0", true, userData));
      assertThat(host.instances(context)).extracting(Instance::id).containsExactly(started.id());
      try (Ec2Client ec2 = Fixtures.inspector(MOTO.endpoint())) {
        String stored = ec2.describeInstanceAttribute(request -> request.instanceId(started.id())
            .attribute(InstanceAttributeName.USER_DATA)).userData().value();
        assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8))
            .isEqualTo(userData);
      }
      host.stopInstances(context, List.of(started.id()));
      assertThat(host.instances(context)).isEmpty();
    }
  }
}
