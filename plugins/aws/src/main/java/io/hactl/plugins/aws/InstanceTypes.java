package io.hactl.plugins.aws;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.ProviderException;
import java.util.List;
import java.util.Optional;

/**
 * Maps constraints to an EC2 instance type.
 *
 * <ul>
 *   <li>{@code tags=...} (MAAS's machine tags) cannot be met on EC2 and is refused.
 *   <li>{@code instance-type=NAME} is used as given; when the table below knows NAME, it must
 *       also meet {@code mem}, {@code cores} and {@code arch}, or the constraints are refused.
 *   <li>Otherwise the first type of the table, for the image's architecture, with at least the
 *       asked memory and cores. With neither asked, the setting {@code default-instance-type} if
 *       set, else the first type with {@value #DEFAULT_MEMORY_MB} MiB (an agent JVM and an
 *       embedded replica-set member).
 *   <li>Nothing in the table big enough: refused, naming the largest type.
 * </ul>
 *
 * <p>The table is ordered cheapest first by the us-east-1 Linux on-demand price (2024, rounded),
 * and keeps only types that are not both dearer and smaller than another. Memory in MiB, cores
 * are vCPUs (as Juju counts them).
 *
 * <pre>
 * amd64                                arm64
 * t3.nano      512    2  0.0052        t4g.nano      512   2  0.0042
 * t3.micro     1024   2  0.0104        t4g.micro     1024  2  0.0084
 * t3.small     2048   2  0.0208        t4g.small     2048  2  0.0168
 * t3.medium    4096   2  0.0416        t4g.medium    4096  2  0.0336
 * t3.large     8192   2  0.0832        t4g.large     8192  2  0.0672
 * r5.large     16384  2  0.126         t4g.xlarge    16384 4  0.1344
 * t3.xlarge    16384  4  0.1664        t4g.2xlarge   32768 8  0.2688
 * r5.xlarge    32768  4  0.252         m6g.4xlarge   65536 16 0.616
 * t3.2xlarge   32768  8  0.3328        m6g.8xlarge  131072 32 1.232
 * r5.2xlarge   65536  8  0.504         m6g.16xlarge 262144 64 2.464
 * c5.4xlarge   32768  16 0.68
 * m5.4xlarge   65536  16 0.768
 * r5.4xlarge   131072 16 1.008
 * m5.8xlarge   131072 32 1.536
 * r5.8xlarge   262144 32 2.016
 * m5.12xlarge  196608 48 2.304
 * m5.16xlarge  262144 64 3.072
 * m5.24xlarge  393216 96 4.608
 * r5.24xlarge  786432 96 6.048
 * </pre>
 */
final class InstanceTypes {
  static final long DEFAULT_MEMORY_MB = 2048;

  /** One row of the table. */
  record Type(String name, long memoryMegabytes, int cores, String arch) {}

  static final List<Type> TABLE = List.of(
      new Type("t3.nano", 512, 2, "amd64"),
      new Type("t3.micro", 1024, 2, "amd64"),
      new Type("t3.small", 2048, 2, "amd64"),
      new Type("t3.medium", 4096, 2, "amd64"),
      new Type("t3.large", 8192, 2, "amd64"),
      new Type("r5.large", 16384, 2, "amd64"),
      new Type("t3.xlarge", 16384, 4, "amd64"),
      new Type("r5.xlarge", 32768, 4, "amd64"),
      new Type("t3.2xlarge", 32768, 8, "amd64"),
      new Type("r5.2xlarge", 65536, 8, "amd64"),
      new Type("c5.4xlarge", 32768, 16, "amd64"),
      new Type("m5.4xlarge", 65536, 16, "amd64"),
      new Type("r5.4xlarge", 131072, 16, "amd64"),
      new Type("m5.8xlarge", 131072, 32, "amd64"),
      new Type("r5.8xlarge", 262144, 32, "amd64"),
      new Type("m5.12xlarge", 196608, 48, "amd64"),
      new Type("m5.16xlarge", 262144, 64, "amd64"),
      new Type("m5.24xlarge", 393216, 96, "amd64"),
      new Type("r5.24xlarge", 786432, 96, "amd64"),
      new Type("t4g.nano", 512, 2, "arm64"),
      new Type("t4g.micro", 1024, 2, "arm64"),
      new Type("t4g.small", 2048, 2, "arm64"),
      new Type("t4g.medium", 4096, 2, "arm64"),
      new Type("t4g.large", 8192, 2, "arm64"),
      new Type("t4g.xlarge", 16384, 4, "arm64"),
      new Type("t4g.2xlarge", 32768, 8, "arm64"),
      new Type("m6g.4xlarge", 65536, 16, "arm64"),
      new Type("m6g.8xlarge", 131072, 32, "arm64"),
      new Type("m6g.16xlarge", 262144, 64, "arm64"));

  private InstanceTypes() {}

  /**
   * @param imageArch the image's architecture in Juju's terms (amd64, arm64), or empty when EC2
   *     did not say
   * @param defaultType the {@code default-instance-type} setting
   */
  static String choose(Constraints constraints, Optional<String> imageArch,
      Optional<String> defaultType) throws ProviderException {
    if (!constraints.tags().isEmpty()) {
      throw new ProviderException("cannot satisfy tags=" + String.join(",", constraints.tags())
          + ": EC2 has no machine tags to match (a MAAS constraint); drop the tags constraint");
    }
    Optional<String> asked = constraints.archIfSet();
    if (asked.isPresent() && imageArch.isPresent() && !asked.equals(imageArch)) {
      throw new ProviderException("cannot satisfy arch=" + asked.get() + ": the image-id is "
          + imageArch.get() + "; set image-id to an " + asked.get() + " AMI");
    }
    String arch = asked.or(() -> imageArch).orElse("amd64");
    if (constraints.instanceTypeIfSet().isPresent()) {
      return checked(constraints, constraints.instanceType(), asked);
    }
    if (constraints.memoryMegabytes() == 0 && constraints.cores() == 0
        && defaultType.isPresent()) {
      return defaultType.get();
    }
    long memory = constraints.memoryMegabytes() == 0 && constraints.cores() == 0
        ? DEFAULT_MEMORY_MB : constraints.memoryMegabytes();
    List<Type> forArch = TABLE.stream().filter(type -> type.arch().equals(arch)).toList();
    if (forArch.isEmpty()) {
      throw new ProviderException("cannot satisfy arch=" + arch
          + ": hactl's aws instance types are amd64 and arm64; name one with instance-type=");
    }
    return forArch.stream()
        .filter(type -> type.memoryMegabytes() >= memory && type.cores() >= constraints.cores())
        .findFirst()
        .map(Type::name)
        .orElseThrow(() -> {
          Type largest = forArch.stream()
              .max((a, b) -> Long.compare(a.memoryMegabytes() * 1000 + a.cores(),
                  b.memoryMegabytes() * 1000 + b.cores()))
              .orElseThrow();
          return new ProviderException("cannot satisfy " + constraints
              + ": no " + arch + " instance type in hactl's aws table has that much (largest: "
              + largest.name() + " with " + largest.memoryMegabytes() + "M and "
              + largest.cores() + " cores); ask for less or name a type with instance-type=");
        });
  }

  private static String checked(Constraints constraints, String name, Optional<String> arch)
      throws ProviderException {
    Optional<Type> known = TABLE.stream().filter(type -> type.name().equals(name)).findFirst();
    if (known.isEmpty()) {
      // Not in the table: EC2 knows its own types and refuses a wrong one itself.
      return name;
    }
    Type type = known.get();
    if (type.memoryMegabytes() < constraints.memoryMegabytes()
        || type.cores() < constraints.cores()
        || arch.filter(wanted -> !wanted.equals(type.arch())).isPresent()) {
      throw new ProviderException("cannot satisfy " + constraints + ": instance type "
          + name + " has " + type.memoryMegabytes() + "M, " + type.cores() + " cores, "
          + type.arch() + "; drop instance-type or the other constraints");
    }
    return name;
  }
}
