package io.hactl.core.provisioning;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import java.util.List;

/** The provisioner's port to the environment's provider. */
public interface InstanceBroker {

  Instance start(InstanceSpec spec) throws HactlException;

  void stop(List<String> instanceIds) throws HactlException;

  List<Instance> instances() throws HactlException;
}
