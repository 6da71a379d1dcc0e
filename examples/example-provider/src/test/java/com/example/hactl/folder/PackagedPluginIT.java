package com.example.hactl.folder;

import io.hactl.plugins.testkit.ContractTarget;
import io.hactl.plugins.testkit.ProviderContract;
import java.nio.file.Path;
import java.util.Map;

/**
 * The same contract on the jar Maven packaged (failsafe runs after `package`), with the manifest
 * the build wrote: what users copy into hactl's plugins folder.
 */
class PackagedPluginIT extends ProviderContract {
  @Override
  protected ContractTarget target() {
    return ContractTarget.plugin(Path.of(System.getProperty("plugin.jar")))
        .context(env -> env.context(Map.of()))
        .userData((context, instance) ->
            FolderProvider.userDataOf(context.storageDirectory(), instance.id()))
        .withoutHangingBackend("instances are local folders: there is no remote backend");
  }
}
