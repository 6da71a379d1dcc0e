package io.hactl.plugin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a machine must have, in Juju's terms ({@code mem=4G cores=2 instance-type=m5.large}).
 * hactl parses and checks the syntax once; a provider maps the fields to its own offerings and
 * refuses, with a {@link ProviderException}, what it cannot satisfy.
 *
 * @param memoryMegabytes minimum memory in MiB; 0 when not constrained
 * @param cores minimum number of CPU cores; 0 when not constrained
 * @param rootDiskMegabytes minimum root disk in MiB; 0 when not constrained
 * @param instanceType a provider-specific instance type, or {@code null}
 * @param arch a CPU architecture such as {@code amd64}, or {@code null}
 * @param tags tags the machine must carry (MAAS), empty when not constrained
 * @since 0.2
 */
public record Constraints(
    long memoryMegabytes,
    int cores,
    long rootDiskMegabytes,
    String instanceType,
    String arch,
    List<String> tags) {

  /** No constraints: the provider picks its default machine. */
  public static final Constraints NONE = new Constraints(0, 0, 0, null, null, List.of());

  public Constraints {
    if (memoryMegabytes < 0 || cores < 0 || rootDiskMegabytes < 0) {
      throw new IllegalArgumentException("constraints cannot be negative");
    }
    tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
  }

  /** The instance type, when one was asked for. */
  public Optional<String> instanceTypeIfSet() {
    return Optional.ofNullable(instanceType);
  }

  /** The architecture, when one was asked for. */
  public Optional<String> archIfSet() {
    return Optional.ofNullable(arch);
  }

  /** True when nothing is constrained. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** Juju's syntax, e.g. {@code mem=4096M cores=2}; empty for {@link #NONE}. */
  @Override
  public String toString() {
    List<String> pairs = new ArrayList<>();
    if (memoryMegabytes > 0) {
      pairs.add("mem=" + memoryMegabytes + "M");
    }
    if (cores > 0) {
      pairs.add("cores=" + cores);
    }
    if (rootDiskMegabytes > 0) {
      pairs.add("root-disk=" + rootDiskMegabytes + "M");
    }
    if (instanceType != null) {
      pairs.add("instance-type=" + instanceType);
    }
    if (arch != null) {
      pairs.add("arch=" + arch);
    }
    if (!tags.isEmpty()) {
      pairs.add("tags=" + String.join(",", tags));
    }
    return String.join(" ", pairs);
  }
}
