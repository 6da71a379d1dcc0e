package io.hactl.agent;

import io.hactl.core.HactlException;
import io.hactl.core.provisioning.InstanceBroker;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import java.util.List;

/**
 * The provisioner's broker behind a {@link TermFence}: an instance is started or stopped only
 * after this controller proved it is still the master, so a deposed master's provisioner (say,
 * on a primary cut off from the others, still finishing its round) cannot start or stop
 * machines behind the new master's back. Listing instances changes nothing and is not fenced.
 */
final class FencedInstanceBroker implements InstanceBroker {

  private final InstanceBroker broker;
  private final TermFence fence;

  FencedInstanceBroker(InstanceBroker broker, TermFence fence) {
    this.broker = broker;
    this.fence = fence;
  }

  @Override
  public Instance start(InstanceSpec spec) throws HactlException {
    fence.check("start an instance for machine " + spec.machineId());
    return broker.start(spec);
  }

  @Override
  public void stop(List<String> instanceIds) throws HactlException {
    fence.check("stop instances " + String.join(", ", instanceIds));
    broker.stop(instanceIds);
  }

  @Override
  public List<Instance> instances() throws HactlException {
    return broker.instances();
  }
}
