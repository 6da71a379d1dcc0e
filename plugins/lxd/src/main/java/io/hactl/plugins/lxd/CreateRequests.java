package io.hactl.plugins.lxd;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Placement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the body of {@code POST /1.0/instances} for one machine: the image alias, the
 * profiles, the user data, the {@code user.hactl.*} keys, and the constraints as LXD limits.
 * What LXD cannot satisfy is refused here, before anything is created.
 */
final class CreateRequests {
  /** The API extension that brings the {@code cloud-init.*} keys; older daemons read user.*. */
  static final String CLOUD_INIT_EXTENSION = "cloud_init";

  private CreateRequests() {}

  /**
   * The reason the spec cannot be satisfied by LXD, if any.
   *
   * @param architectures the daemon's architectures, e.g. {@code x86_64}
   */
  static Optional<String> refusal(InstanceSpec spec, List<String> architectures) {
    Placement placement = spec.placement();
    if (placement.zoneIfSet().isPresent()) {
      return Optional.of("placement " + placement + " cannot be satisfied: a standalone LXD"
          + " daemon has no zones; drop --to");
    }
    Constraints c = spec.constraints();
    if (c.instanceTypeIfSet().isPresent()) {
      return Optional.of("constraint instance-type=" + c.instanceType() + " cannot be satisfied:"
          + " LXD containers have no instance types; use mem= and cores=");
    }
    if (c.rootDiskMegabytes() > 0) {
      return Optional.of("constraint root-disk cannot be satisfied: the LXD provider does not"
          + " size root disks (a dir pool cannot); drop root-disk");
    }
    if (!c.tags().isEmpty()) {
      return Optional.of("constraint tags cannot be satisfied: LXD has no machine tags");
    }
    if (c.archIfSet().isPresent() && !architectures.contains(lxdArchitecture(c.arch()))) {
      return Optional.of("constraint arch=" + c.arch() + " cannot be satisfied: the LXD daemon"
          + " runs " + String.join(", ", architectures));
    }
    return Optional.empty();
  }

  /** The request body. */
  static Map<String, Object> body(String name, String environmentUuid, InstanceSpec spec,
      LxdSettings settings, boolean cloudInitKeys) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(cloudInitKeys ? "cloud-init.user-data" : "user.user-data", spec.userData());
    config.put(LxdInstances.ENVIRONMENT_KEY, environmentUuid);
    config.put(LxdInstances.MACHINE_KEY, spec.machineId());
    config.put(LxdInstances.CONTROLLER_KEY, Boolean.toString(spec.controller()));
    if (spec.statePort() > 0) {
      config.put(LxdInstances.STATE_PORT_KEY, Integer.toString(spec.statePort()));
    }
    Constraints c = spec.constraints();
    if (c.cores() > 0) {
      config.put("limits.cpu", Integer.toString(c.cores()));
    }
    if (c.memoryMegabytes() > 0) {
      config.put("limits.memory", c.memoryMegabytes() + "MiB");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", "container");
    body.put("source", Map.of("type", "image", "alias", settings.image()));
    body.put("profiles", settings.profiles());
    body.put("config", config);
    settings.network().ifPresent(network -> body.put("devices", Map.of(LxdInstances.INTERFACE,
        Map.of("type", "nic", "name", LxdInstances.INTERFACE, "network", network))));
    return body;
  }

  private static String lxdArchitecture(String arch) {
    return switch (arch.toLowerCase(Locale.ROOT)) {
      case "amd64" -> "x86_64";
      case "arm64" -> "aarch64";
      case "armhf" -> "armv7l";
      default -> arch;
    };
  }
}
