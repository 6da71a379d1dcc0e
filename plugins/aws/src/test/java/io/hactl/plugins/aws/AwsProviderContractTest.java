package io.hactl.plugins.aws;

import io.hactl.plugins.testkit.ContractTarget;
import io.hactl.plugins.testkit.ProviderContract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;

/**
 * The provider contract against the plugin packed from target/classes and loaded through PF4J,
 * its backend a real moto_server on 127.0.0.1; a hung EC2 is the kit's silent endpoint.
 * Credentials come from the environment the build gives the test JVM (made-up keys).
 */
class AwsProviderContractTest extends ProviderContract {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  @Override
  protected ContractTarget target() {
    return ContractTarget.pluginFromClasses("hactl-provider-aws")
        .context(env -> env.context(Fixtures.settings(MOTO.endpoint())))
        .userData((context, instance) -> {
          try (Ec2Client ec2 = Fixtures.inspector(MOTO.endpoint())) {
            String stored = ec2.describeInstanceAttribute(request -> request
                .instanceId(instance.id()).attribute(InstanceAttributeName.USER_DATA))
                .userData().value();
            return new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8);
          }
        })
        .hangingBackend((env, silent) -> env.context(Fixtures.settings(silent.uri("http"))))
        .unknownInstanceId("i-0123456789abcdef0");
  }
}
