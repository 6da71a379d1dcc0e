package io.hactl.plugins.aws;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * An EC2 instance as hactl sees it: state mapped to {@link InstanceState}, addresses private
 * first (machines of one environment talk inside the VPC), then public, and the EC2 facts status
 * shows (type, zone, raw state) as details.
 */
final class InstanceMapper {
  private InstanceMapper() {}

  /**
   * pending -> PENDING; running -> RUNNING; stopping, stopped, shutting-down, terminated ->
   * STOPPED (none comes back by itself); anything else -> UNKNOWN.
   */
  static InstanceState state(InstanceStateName name) {
    if (name == null) {
      return InstanceState.UNKNOWN;
    }
    return switch (name) {
      case PENDING -> InstanceState.PENDING;
      case RUNNING -> InstanceState.RUNNING;
      case STOPPING, STOPPED, SHUTTING_DOWN, TERMINATED -> InstanceState.STOPPED;
      default -> InstanceState.UNKNOWN;
    };
  }

  static Instance toInstance(software.amazon.awssdk.services.ec2.model.Instance ec2) {
    Map<String, String> tags = Tags.asMap(ec2.tags());
    List<String> addresses = new ArrayList<>();
    addIfSet(addresses, ec2.privateIpAddress());
    addIfSet(addresses, ec2.publicIpAddress());
    Map<String, Integer> ports = new TreeMap<>();
    String statePort = tags.get(Tags.STATE_PORT);
    if (statePort != null && statePort.matches("[0-9]{1,5}")) {
      ports.put(Instance.STATE_PORT, Integer.parseInt(statePort));
    }
    Map<String, String> details = new TreeMap<>();
    putIfSet(details, "instance-type", ec2.instanceTypeAsString());
    putIfSet(details, "ec2-state", ec2.state() == null ? null : ec2.state().nameAsString());
    putIfSet(details, "zone", ec2.placement() == null ? null : ec2.placement().availabilityZone());
    putIfSet(details, "subnet", ec2.subnetId());
    putIfSet(details, "image-id", ec2.imageId());
    putIfSet(details, "controller", tags.get(Tags.CONTROLLER));
    return new Instance(ec2.instanceId(), tags.getOrDefault(Tags.MACHINE, ""),
        state(ec2.state() == null ? null : ec2.state().name()), addresses, ports, details);
  }

  private static void addIfSet(List<String> list, String value) {
    if (value != null && !value.isBlank() && !list.contains(value)) {
      list.add(value);
    }
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }
}
