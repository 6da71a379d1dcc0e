package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.store.SecureFiles;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.ProviderContext;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tells the agents of plain machines that survived a restore where the new controller is. Their
 * drivers only know the old controllers, all stopped, and a replica set that reappears under a
 * new address is one no driver finds by itself. An agent keeps the controller addresses it
 * learned in {@code state-addresses} of its data folder and reads the file again when it cannot
 * reach state (see the agent's {@code ControllerAddressCache}); this writes the new address
 * there. Providers whose agents share this host's file system publish that folder as the
 * instance detail {@value #DATA_DIR} (the local provider does); an agent elsewhere finds the new
 * controller once the provider or its operator updates the same file.
 */
final class AgentRedirect {

  static final String DATA_DIR = "data-dir";
  static final String CACHE_FILE = "state-addresses";

  private final EnvironmentContext env;

  AgentRedirect(EnvironmentContext env) {
    this.env = env;
  }

  /** @return the machine ids whose agents were told the address */
  List<String> redirect(ProviderContext context, Set<String> plainMachines, String address)
      throws HactlException {
    List<String> redirected = new ArrayList<>();
    for (Instance instance : env.provider().instances(context)) {
      String dataDir = instance.details().get(DATA_DIR);
      if (!plainMachines.contains(instance.machineId()) || dataDir == null
          || instance.state() == InstanceState.STOPPED || !Files.isDirectory(Path.of(dataDir))) {
        continue;
      }
      try {
        SecureFiles.writeAtomically(Path.of(dataDir).resolve(CACHE_FILE), address + "\n");
        redirected.add(instance.machineId());
      } catch (UncheckedIOException e) {
        // Best effort: that machine shows as down, as one whose instance is gone would.
      }
    }
    redirected.sort(io.hactl.core.state.Machine::compareIds);
    return redirected;
  }
}
