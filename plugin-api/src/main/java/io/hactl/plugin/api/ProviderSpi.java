package io.hactl.plugin.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of this provider SPI, and the rule hactl uses to decide whether a plugin built for
 * one version can run on another.
 *
 * <p>A plugin jar says which SPI version it was compiled against in its manifest, under {@link
 * #MANIFEST_ATTRIBUTE}:
 *
 * <pre>
 * Plugin-Id: acme-provider-mycloud
 * Plugin-Version: 1.4.0
 * Hactl-Spi-Version: 0.2
 * </pre>
 *
 * hactl refuses at load, with an error naming both versions, a plugin whose version is missing or
 * not {@linkplain #isCompatible(String, String) compatible} with its own {@link #VERSION}.
 *
 * <p>The compatibility promise: versions are {@code MAJOR.MINOR}. From 1.0 on, a minor version
 * only adds (new records, new default methods, new optional record components behind new
 * factories), so a host runs every plugin of its major version built for the same or an older
 * minor. Before 1.0 every minor version may change existing types (0.2 added user data,
 * constraints and placement to {@link InstanceSpec}; 0.3 added credentials to {@link
 * ProviderContext} and {@link Provider#resolveCredentials}), so a plugin must be built for
 * exactly the host's {@code 0.MINOR}.
 *
 * @since 0.2
 */
public final class ProviderSpi {
  /** The version of the SPI in this jar. */
  public static final String VERSION = "0.3";

  /** The manifest attribute of a plugin jar that holds the SPI version it was built for. */
  public static final String MANIFEST_ATTRIBUTE = "Hactl-Spi-Version";

  private static final Pattern SHAPE = Pattern.compile("(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");

  private ProviderSpi() {}

  /**
   * Whether a host implementing SPI {@code hostVersion} can run a plugin built for {@code
   * pluginVersion}. A version that is not of the form {@code MAJOR.MINOR} is never compatible.
   */
  public static boolean isCompatible(String hostVersion, String pluginVersion) {
    return incompatibility(hostVersion, pluginVersion).isEmpty();
  }

  /**
   * Why a plugin declaring {@code pluginVersion} (null when its manifest has none) cannot run on
   * a host implementing {@code hostVersion}, as one line naming both versions; empty when it can.
   */
  public static Optional<String> incompatibility(String hostVersion, String pluginVersion) {
    Objects.requireNonNull(hostVersion, "hostVersion");
    Matcher host = SHAPE.matcher(hostVersion);
    if (!host.matches()) {
      throw new IllegalArgumentException("host SPI version is not MAJOR.MINOR: " + hostVersion);
    }
    if (pluginVersion == null || pluginVersion.isBlank()) {
      return Optional.of("it does not say which provider SPI version it was built for (no "
          + MANIFEST_ATTRIBUTE + " in its manifest); this hactl implements SPI " + hostVersion
          + ": rebuild the plugin against hactl-plugin-api " + hostVersion);
    }
    Matcher plugin = SHAPE.matcher(pluginVersion.strip());
    if (!plugin.matches()) {
      return Optional.of("its " + MANIFEST_ATTRIBUTE + " \"" + pluginVersion
          + "\" is not a MAJOR.MINOR version; this hactl implements SPI " + hostVersion);
    }
    int hostMajor = Integer.parseInt(host.group(1));
    int hostMinor = Integer.parseInt(host.group(2));
    int pluginMajor = Integer.parseInt(plugin.group(1));
    int pluginMinor = Integer.parseInt(plugin.group(2));
    boolean compatible = hostMajor == 0
        ? pluginMajor == 0 && pluginMinor == hostMinor
        : pluginMajor == hostMajor && pluginMinor <= hostMinor;
    if (compatible) {
      return Optional.empty();
    }
    return Optional.of("it was built for provider SPI " + pluginVersion.strip()
        + " but this hactl implements SPI " + hostVersion + "; "
        + (pluginMajor > hostMajor || (pluginMajor == hostMajor && pluginMinor > hostMinor)
            ? "upgrade hactl or install a plugin release built for SPI " + hostVersion
            : "install a plugin release built for SPI " + hostVersion));
  }
}
