package io.hactl.plugins.lxd;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads LXD's instance and state documents into the SPI's {@link Instance}, and knows the
 * {@code user.hactl.*} config keys that tie an LXD instance to an environment and a machine.
 */
final class LxdInstances {
  static final String ENVIRONMENT_KEY = "user.hactl.environment";
  static final String MACHINE_KEY = "user.hactl.machine";
  static final String CONTROLLER_KEY = "user.hactl.controller";
  static final String STATE_PORT_KEY = "user.hactl.state-port";
  /** The interface whose IPv4 address is the machine's address (the profile's NIC). */
  static final String INTERFACE = "eth0";

  private LxdInstances() {}

  /** The instance's {@code config} map; empty when absent. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> config(Map<String, Object> instance) {
    Object config = instance.get("config");
    return config instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  static boolean belongsTo(Map<String, Object> instance, String environmentUuid) {
    return environmentUuid.equals(config(instance).get(ENVIRONMENT_KEY));
  }

  /**
   * LXD's status names mapped to the SPI: only a running container is RUNNING; one being
   * created or started is PENDING; stopped, stopping or aborting ones will not come back by
   * themselves; frozen and error states are UNKNOWN.
   */
  static InstanceState state(Object status) {
    String s = status == null ? "" : status.toString().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "running" -> InstanceState.RUNNING;
      case "starting", "pending", "created", "operation started" -> InstanceState.PENDING;
      case "stopped", "stopping", "aborting" -> InstanceState.STOPPED;
      default -> InstanceState.UNKNOWN;
    };
  }

  /** The IPv4 addresses of eth0 in a {@code /1.0/instances/NAME/state} document, in order. */
  @SuppressWarnings("unchecked")
  static List<String> addresses(Map<String, Object> state) {
    List<String> addresses = new ArrayList<>();
    if (state.get("network") instanceof Map<?, ?> network
        && network.get(INTERFACE) instanceof Map<?, ?> nic
        && nic.get("addresses") instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> address && "inet".equals(address.get("family"))
            && address.get("address") instanceof String ip) {
          addresses.add(ip);
        }
      }
    }
    return addresses;
  }

  /** The SPI's view of an instance, from its document and (when running) its state. */
  static Instance toInstance(Map<String, Object> instance, InstanceState state,
      List<String> addresses) {
    Map<String, Object> config = config(instance);
    String name = String.valueOf(instance.get("name"));
    Map<String, Integer> ports = new HashMap<>();
    Object port = config.get(STATE_PORT_KEY);
    if (port != null) {
      try {
        int statePort = Integer.parseInt(port.toString());
        if (statePort > 0) {
          ports.put(Instance.STATE_PORT, statePort);
        }
      } catch (NumberFormatException e) {
        // someone edited the key by hand: the instance is still listed, without a port
      }
    }
    Map<String, String> details = new HashMap<>();
    details.put("lxd-status", String.valueOf(instance.getOrDefault("status", "unknown")));
    details.put("lxd-name", name);
    if (instance.get("location") instanceof String location && !location.isEmpty()
        && !"none".equals(location)) {
      details.put("lxd-location", location);
    }
    return new Instance(name, String.valueOf(config.getOrDefault(MACHINE_KEY, "")), state,
        addresses, ports, details);
  }
}
