package io.hactl.plugins.lxd;

import java.util.Locale;

/**
 * Names of the containers the provider creates. LXD names are host names (letters, digits and
 * hyphens, at most 63, not starting with a digit), and must be unique on the daemon, which
 * several environments may share: so the name carries a prefix of the environment's uuid. The
 * authoritative link is the {@code user.hactl.environment} config key, not the name.
 */
final class InstanceNames {
  private static final int UUID_PREFIX = 8;

  private InstanceNames() {}

  /** E.g. {@code hactl-1b4e28ba-m0} for machine 0 of environment 1b4e28ba-2fa1-.... */
  static String of(String environmentUuid, String machineId) {
    String env = environmentUuid.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    env = env.substring(0, Math.min(UUID_PREFIX, env.length()));
    String machine = machineId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    String name = "hactl-" + env + "-m" + machine;
    return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
  }
}
