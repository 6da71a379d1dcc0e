package com.example.hactl.folder;

import io.hactl.plugins.testkit.ContractTarget;
import io.hactl.plugins.testkit.ProviderContract;
import java.util.Map;

/**
 * hactl's provider contract, run on the compiled classes (target/classes) packed into a plugin
 * jar and loaded through PF4J, as hactl loads plugins.
 */
class FolderProviderContractTest extends ProviderContract {
  @Override
  protected ContractTarget target() {
    return ContractTarget.pluginFromClasses("example-provider-folder")
        .context(env -> env.context(Map.of(FolderProvider.MAX_INSTANCES, "7")))
        .userData((context, instance) ->
            FolderProvider.userDataOf(context.storageDirectory(), instance.id()))
        .withoutHangingBackend("instances are local folders: there is no remote backend");
  }
}
