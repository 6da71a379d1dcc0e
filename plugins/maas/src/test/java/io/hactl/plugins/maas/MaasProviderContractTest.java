package io.hactl.plugins.maas;

import io.hactl.plugins.testkit.ContractTarget;
import io.hactl.plugins.testkit.ProviderContract;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The provider contract against the maas plugin packed from target/classes and loaded through
 * PF4J, its backend {@link FakeMaas} (WireMock on 127.0.0.1).
 */
class MaasProviderContractTest extends ProviderContract {
  private static final String KEY = "cK3yAbc:tK3yDef:s3cr3tGhi";
  private static FakeMaas maas;

  @BeforeAll
  static void startFakeMaas() {
    maas = FakeMaas.start(KEY, 3);
  }

  @AfterAll
  static void stopFakeMaas() {
    maas.close();
  }

  @BeforeEach
  void returnEveryMachineToThePool() {
    maas.reset();
  }

  @Override
  protected ContractTarget target() {
    return ContractTarget.pluginFromClasses("hactl-provider-maas")
        .context(env -> env.context(Map.of("endpoint", maas.endpoint(), "api-key", KEY)))
        .userData((context, instance) -> maas.userDataOf(instance.id()))
        .hangingBackend((env, silent) -> env.context(
            Map.of("endpoint", silent.uri("http") + "MAAS", "api-key", KEY)));
  }
}
