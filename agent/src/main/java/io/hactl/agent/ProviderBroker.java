package io.hactl.agent;

import io.hactl.core.HactlException;
import io.hactl.core.provider.GuardedProvider;
import io.hactl.core.provisioning.InstanceBroker;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.ProviderContext;
import java.util.List;

/** The provisioner's {@link InstanceBroker} over a provider plugin loaded in this agent. */
final class ProviderBroker implements InstanceBroker {

  private final GuardedProvider provider;
  private final ProviderContext context;

  ProviderBroker(GuardedProvider provider, ProviderContext context) {
    this.provider = provider;
    this.context = context;
  }

  @Override
  public Instance start(InstanceSpec spec) throws HactlException {
    return provider.startInstance(context, spec);
  }

  @Override
  public void stop(List<String> instanceIds) throws HactlException {
    provider.stopInstances(context, instanceIds);
  }

  @Override
  public List<Instance> instances() throws HactlException {
    return provider.instances(context);
  }
}
