package io.hactl.plugin.api;

import java.util.Optional;

/**
 * Where a new instance should go, from a directive such as {@code --to zone=us-east-1a}. A
 * provider without zones refuses a placement that names one.
 *
 * @param zone an availability zone (AWS) or zone (MAAS), or {@code null} for the provider's choice
 * @since 0.2
 */
public record Placement(String zone) {

  /** The provider's choice. */
  public static final Placement ANYWHERE = new Placement(null);

  public Placement {
    if (zone != null && zone.isBlank()) {
      throw new IllegalArgumentException("zone must not be blank");
    }
  }

  /** The zone, when one was asked for. */
  public Optional<String> zoneIfSet() {
    return Optional.ofNullable(zone);
  }

  @Override
  public String toString() {
    return zone == null ? "anywhere" : "zone=" + zone;
  }
}
