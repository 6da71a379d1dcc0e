package io.hactl.core.provisioning;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A provider in memory: starts "instances" at once; {@link #failStarts} injects failures. */
final class FakeInstanceBroker implements InstanceBroker {

  final Map<String, Instance> instances = new LinkedHashMap<>();
  final List<InstanceSpec> started = new ArrayList<>();
  int failStarts;

  @Override
  public Instance start(InstanceSpec spec) throws HactlException {
    if (failStarts > 0) {
      failStarts--;
      throw HactlException.failure("provider fake could not start instance for machine "
          + spec.machineId() + ": quota exceeded", null);
    }
    started.add(spec);
    Instance instance = new Instance("i-" + spec.machineId(), spec.machineId(),
        InstanceState.RUNNING, List.of("127.0.0.1"),
        spec.controller() ? Map.of(Instance.STATE_PORT, 5000 + started.size()) : Map.of(),
        Map.of());
    instances.put(instance.id(), instance);
    return instance;
  }

  @Override
  public void stop(List<String> instanceIds) {
    instanceIds.forEach(instances::remove);
  }

  @Override
  public List<Instance> instances() {
    return List.copyOf(instances.values());
  }
}
