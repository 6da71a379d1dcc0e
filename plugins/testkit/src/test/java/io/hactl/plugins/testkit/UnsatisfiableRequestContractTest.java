package io.hactl.plugins.testkit;

import java.util.Map;

/**
 * The suite with the kit's default error check (an unsatisfiable zone), the provider object used
 * directly without PF4J.
 */
class UnsatisfiableRequestContractTest extends ProviderContract {
  @Override
  protected ContractTarget target() {
    return ContractTarget.provider("fixture-files", FileProvider::new)
        .context(env -> env.context(Map.of()))
        .withoutUserData("this run checks the direct provider and the default error check")
        .withoutHangingBackend("this run checks the direct provider and the default error check");
  }
}
