package io.hactl.core.provider;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import java.util.List;

/** A fixture provider packed into plugin jars of several SPI versions by {@link SpiVersionTest}. */
public final class SettingsDeclaringProvider implements Provider {
  @Override
  public String type() {
    return "declaring";
  }

  @Override
  public List<ProviderSetting> settings() {
    return List.of(
        new ProviderSetting("region", "where machines go, e.g. test-1", true, false),
        new ProviderSetting("token", "API token", false, true));
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    throw new ProviderException("this fixture starts nothing");
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds) {
    // Nothing was started, so there is nothing to stop.
  }

  @Override
  public List<Instance> instances(ProviderContext context) {
    return List.of();
  }
}
