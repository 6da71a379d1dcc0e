package io.hactl.plugins.aws;

import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Settings, contexts, specs and providers the tests share; every endpoint is loopback. */
final class Fixtures {
  static final String REGION = "us-east-1";
  /** An x86_64 AMI of moto-amis.json, the images the tests' moto_server has (root /dev/xvda). */
  static final String AMD64_IMAGE = "ami-0e1e769742d1cfb49";
  /** An arm64 AMI of moto-amis.json. */
  static final String ARM64_IMAGE = "ami-08976229d8b10b097";

  /** Made-up keys: moto accepts any. */
  static final Map<String, String> ENVIRONMENT = Map.of(
      CredentialsResolver.ACCESS_KEY_ID, "AKIDTESTTESTTEST",
      CredentialsResolver.SECRET_ACCESS_KEY, "test-secret-never-printed");

  /**
   * Small delays, so that throttling tests take milliseconds; a budget that a cold JVM's first
   * SDK request (seconds) cannot exhaust.
   */
  static final Backoff QUICK = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20),
      Duration.ofSeconds(30), () -> 0.5);

  private Fixtures() {}

  static Map<String, String> settings(URI endpoint) {
    Map<String, String> settings = new HashMap<>();
    settings.put(AwsSettings.REGION, REGION);
    settings.put(AwsSettings.IMAGE_ID, AMD64_IMAGE);
    settings.put(AwsSettings.ENDPOINT, endpoint.toString());
    return settings;
  }

  static ProviderContext context(Map<String, String> settings, Path storage) {
    return context("test", UUID.randomUUID().toString(), settings, storage);
  }

  static ProviderContext context(String name, String uuid, Map<String, String> settings,
      Path storage) {
    return new ProviderContext(name, uuid, settings, storage,
        new AgentDistribution(Path.of("java"), List.of(), "io.hactl.agent.AgentMain", List.of()));
  }

  static InstanceSpec spec(String machineId, boolean controller, String userData) {
    return new InstanceSpec(machineId, controller, "agent: config", userData, 0,
        Constraints.NONE, Placement.ANYWHERE);
  }

  static InstanceSpec spec(String machineId, Constraints constraints, Placement placement) {
    return new InstanceSpec(machineId, false, "agent: config", "#cloud-config\n", 0,
        constraints, placement);
  }

  static Constraints constraints(long memoryMegabytes, int cores, String instanceType,
      String arch) {
    return new Constraints(memoryMegabytes, cores, 0, instanceType, arch, List.of());
  }

  static AwsProvider provider() {
    return provider(Fixtures.QUICK);
  }

  static AwsProvider provider(Backoff backoff) {
    return new AwsProvider(new Ec2Sessions(ENVIRONMENT::get, EndpointPolicy.fromSystemProperties(),
        backoff));
  }

  /** A plain SDK client on the same endpoint, to look at what the plugin did. */
  static Ec2Client inspector(URI endpoint) {
    return Ec2Client.builder()
        .region(Region.of(REGION))
        .endpointOverride(endpoint)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDTESTTESTTEST", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
