package com.example.hactl.folder;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * A tiny but complete hactl provider: an "instance" is a folder under the environment's storage
 * directory holding the machine id and the user data it was started with. It runs no agent, so an
 * environment on it never gets a working controller; it shows the SPI's shape, nothing more.
 *
 * <p>Stateless, as hactl requires: every call reads the storage directory afresh.
 */
@Extension
public final class FolderProvider implements Provider {
  static final String MAX_INSTANCES = "max-instances";

  @Override
  public String type() {
    return "folder";
  }

  @Override
  public List<ProviderSetting> settings() {
    return List.of(new ProviderSetting(MAX_INSTANCES,
        "how many instances an environment may hold, e.g. 7 (default: no limit)", false, false));
  }

  @Override
  public List<SettingProblem> validateSettings(Map<String, String> settings) {
    // The default reports unknown keys and missing required ones; values are ours to check.
    List<SettingProblem> problems = new ArrayList<>(Provider.super.validateSettings(settings));
    String max = settings.get(MAX_INSTANCES);
    if (max != null && !max.matches("[1-9][0-9]{0,3}")) {
      problems.add(new SettingProblem(MAX_INSTANCES,
          "must be a whole number from 1 to 9999; got \"" + max + "\""));
    }
    return problems;
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    if (!spec.constraints().isEmpty() || spec.placement().zoneIfSet().isPresent()) {
      throw new ProviderException("folders have no zones, sizes or tags; cannot satisfy "
          + spec.placement() + " " + spec.constraints() + " for machine " + spec.machineId());
    }
    InstanceFolders folders = new InstanceFolders(context.storageDirectory());
    String max = context.settings().get(MAX_INSTANCES);
    if (max != null && folders.count() >= Integer.parseInt(max)) {
      throw new ProviderException("environment " + context.environmentName() + " already holds "
          + max + " instances (" + MAX_INSTANCES + "); stop one first");
    }
    return folders.create(spec.machineId(), spec.userData()).toInstance();
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds)
      throws ProviderException {
    InstanceFolders folders = new InstanceFolders(context.storageDirectory());
    for (String id : instanceIds) {
      // Ids that are already gone are ignored: a retry after a partial failure is safe.
      folders.delete(id);
    }
  }

  @Override
  public List<Instance> instances(ProviderContext context) throws ProviderException {
    return new InstanceFolders(context.storageDirectory()).all().stream()
        .map(InstanceFolders.Folder::toInstance)
        .toList();
  }

  /** The user data an instance was started with, as the "backend" keeps it (for tests). */
  static String userDataOf(Path storageDirectory, String instanceId) throws IOException {
    return Files.readString(new InstanceFolders(storageDirectory).path(instanceId)
        .resolve(InstanceFolders.USER_DATA));
  }
}
