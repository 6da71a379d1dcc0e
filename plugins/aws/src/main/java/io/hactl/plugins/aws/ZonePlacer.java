package io.hactl.plugins.aws;

import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Turns a placement ({@code --to zone=us-east-1b}) into where RunInstances puts the instance.
 * The zone must be one of the region's available zones. With a {@code vpc-id} setting the
 * instance goes into a subnet of that VPC (in the zone, when one was asked for), since the
 * security group lives in that VPC too; without it, into the zone of the region's default VPC.
 * Among several subnets the one with the most free addresses wins (ties by id).
 */
final class ZonePlacer {
  /** Where to launch: a subnet, or a zone of the default VPC, or both empty for EC2's choice. */
  record Target(Optional<String> subnetId, Optional<String> zone) {}

  private final Ec2Session session;

  ZonePlacer(Ec2Session session) {
    this.session = session;
  }

  Target place(Placement placement) throws ProviderException {
    Optional<String> zone = placement.zoneIfSet();
    if (zone.isPresent()) {
      checkZone(zone.get());
    }
    Optional<String> vpc = session.settings().vpcId();
    if (vpc.isEmpty()) {
      return new Target(Optional.empty(), zone);
    }
    List<Filter> filters = new ArrayList<>(List.of(Tags.filter("vpc-id", vpc.get())));
    zone.ifPresent(name -> filters.add(Tags.filter("availability-zone", name)));
    List<Subnet> subnets = session.calls().call("find a subnet of " + vpc.get(),
        "DescribeSubnets",
        () -> session.client().describeSubnets(request -> request.filters(filters)).subnets());
    Subnet best = subnets.stream()
        .min(Comparator.comparing((Subnet subnet) -> subnet.availableIpAddressCount() == null
                ? 0 : -subnet.availableIpAddressCount())
            .thenComparing(Subnet::subnetId))
        .orElseThrow(() -> new ProviderException("cannot place a machine "
            + zone.map(name -> "in zone " + name + " ").orElse("") + ": vpc-id " + vpc.get()
            + " has no subnet" + zone.map(name -> " there").orElse("")
            + "; create one or choose another zone"));
    return new Target(Optional.of(best.subnetId()), Optional.empty());
  }

  private void checkZone(String zone) throws ProviderException {
    String region = session.settings().region();
    List<String> zones = session.calls().call("list the zones of region " + region,
        "DescribeAvailabilityZones",
        () -> session.client().describeAvailabilityZones(request -> request
            .filters(Tags.filter("state", "available"))).availabilityZones())
        .stream().map(AvailabilityZone::zoneName).sorted().toList();
    if (!zones.contains(zone)) {
      throw new ProviderException("cannot place a machine in zone " + zone + ": region "
          + region + " has no available zone of that name; zones: " + String.join(", ", zones));
    }
  }
}
