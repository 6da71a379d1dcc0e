package io.hactl.agent;

import io.hactl.core.HactlException;
import io.hactl.core.credentials.ControllerContexts;
import io.hactl.core.provider.GuardedProvider;
import io.hactl.core.provisioning.InstanceBroker;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import java.util.List;

/**
 * The provisioner's {@link InstanceBroker} over a provider plugin loaded in this agent. Each call
 * takes the context anew from {@link ControllerContexts}, so credentials the client updated in
 * state are used from the next call on.
 */
final class ProviderBroker implements InstanceBroker {

  private final GuardedProvider provider;
  private final ControllerContexts contexts;

  ProviderBroker(GuardedProvider provider, ControllerContexts contexts) {
    this.provider = provider;
    this.contexts = contexts;
  }

  @Override
  public Instance start(InstanceSpec spec) throws HactlException {
    return provider.startInstance(contexts.current(), spec);
  }

  @Override
  public void stop(List<String> instanceIds) throws HactlException {
    provider.stopInstances(contexts.current(), instanceIds);
  }

  @Override
  public List<Instance> instances() throws HactlException {
    return provider.instances(contexts.current());
  }
}
