package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The one security group of an environment, {@code hactl-<environment uuid>}: every machine of
 * the environment is in it; it lets the group's own members reach a controller's state port and
 * its peer port (state port + {@value #PEER_OFFSET}), and so do the {@code ingress-cidr}
 * networks. It is created on first use and found again by its environment tag (by name, should
 * the tag be gone), so calls from any client, and retries, share it. Ports are added as
 * controllers ask for them; a rule already present is not added twice. {@link #release} deletes
 * it once the environment is destroyed.
 */
final class SecurityGroups {
  /** The embedded member's Raft peer port is its state port + this (see the agent). */
  static final int PEER_OFFSET = 10000;

  /** At most this many groups are deleted by one release: the tagged one and a namesake. */
  private static final int MAX_RELEASED = 3;

  private final Ec2Session session;

  SecurityGroups(Ec2Session session) {
    this.session = session;
  }

  static String name(String environmentUuid) {
    return "hactl-" + environmentUuid;
  }

  /**
   * The environment's group id, created if need be, with the controller ports of {@code
   * statePort} open when it is above 0.
   */
  String ensure(String environmentName, String environmentUuid, int statePort)
      throws ProviderException {
    SecurityGroup group = find(environmentUuid).orElse(null);
    if (group == null) {
      group = create(environmentName, environmentUuid);
    }
    if (statePort > 0) {
      openControllerPorts(group, statePort);
    }
    return group.groupId();
  }

  Optional<SecurityGroup> find(String environmentUuid) throws ProviderException {
    Ec2Client ec2 = session.client();
    List<Filter> byTag = new ArrayList<>(List.of(Tags.environment(environmentUuid)));
    List<Filter> byName = new ArrayList<>(List.of(Tags.filter("group-name",
        name(environmentUuid))));
    session.settings().vpcId().ifPresent(vpc -> {
      byTag.add(Tags.filter("vpc-id", vpc));
      byName.add(Tags.filter("vpc-id", vpc));
    });
    for (var filters : List.of(byTag, byName)) {
      List<SecurityGroup> groups = session.calls().call("find the environment's security group",
          "DescribeSecurityGroups",
          () -> ec2.describeSecurityGroups(request -> request.filters(filters)).securityGroups());
      Optional<SecurityGroup> first = groups.stream()
          .min(Comparator.comparing(SecurityGroup::groupId));
      if (first.isPresent()) {
        return first;
      }
    }
    return Optional.empty();
  }

  /**
   * Deletes the environment's group, found as {@link #find} finds it; nothing to delete is
   * success, so a retried destroy passes. While EC2 answers DependencyViolation (terminated
   * instances still hold the group for a while after destroy) the delete is retried with the
   * calls' backoff, within its budget; after that the failure says to run destroy-environment
   * again. Looks again after each delete, for a second group (the tagged one, then one of the
   * same name whose tag was lost), bounded so that a listing that still shows a deleted group
   * cannot keep it going.
   */
  void release(String environmentUuid) throws ProviderException {
    Set<String> deleted = new HashSet<>();
    for (int round = 0; round < MAX_RELEASED; round++) {
      Optional<SecurityGroup> found = find(environmentUuid)
          .filter(group -> !deleted.contains(group.groupId()));
      if (found.isEmpty()) {
        return;
      }
      String id = found.get().groupId();
      String action = "delete security group " + found.get().groupName() + " (" + id + ")";
      // InvalidGroup.NotFound: another client deleted it between our look and our delete.
      session.calls().callAwaiting(action, "DeleteSecurityGroup",
          Set.of("InvalidGroup.NotFound"), Set.of("DependencyViolation"),
          (last, elapsed) -> session.calls().errors().stillInUse(action, elapsed, last),
          () -> session.client().deleteSecurityGroup(request -> request.groupId(id)));
      deleted.add(id);
    }
  }

  private SecurityGroup create(String environmentName, String environmentUuid)
      throws ProviderException {
    Ec2Client ec2 = session.client();
    String name = name(environmentUuid);
    // InvalidGroup.Duplicate: another client created it between our look and our create.
    session.calls().callUnless("create security group " + name, "CreateSecurityGroup",
        Set.of("InvalidGroup.Duplicate"), () -> ec2.createSecurityGroup(request -> {
            request.groupName(name)
                .description("hactl environment " + environmentName + " (" + environmentUuid
                    + ")")
                .tagSpecifications(TagSpecification.builder()
                    .resourceType(ResourceType.SECURITY_GROUP)
                    .tags(Tags.tag(Tags.ENVIRONMENT, environmentUuid), Tags.tag(Tags.NAME, name))
                    .build());
            session.settings().vpcId().ifPresent(request::vpcId);
          }));
    return find(environmentUuid).orElseThrow(() -> new ProviderException(
        "created security group " + name + " but cannot find it again; try again"));
  }

  private void openControllerPorts(SecurityGroup group, int statePort) throws ProviderException {
    List<IpPermission> missing = new ArrayList<>();
    for (int port : List.of(statePort, statePort + PEER_OFFSET)) {
      IpPermission wanted = IpPermission.builder()
          .ipProtocol("tcp").fromPort(port).toPort(port)
          .userIdGroupPairs(UserIdGroupPair.builder().groupId(group.groupId()).build())
          .ipRanges(session.settings().ingressCidrs().stream()
              .map(cidr -> IpRange.builder().cidrIp(cidr).build()).toList())
          .build();
      if (!covered(group, wanted)) {
        missing.add(wanted);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    // InvalidPermission.Duplicate: another client opened them meanwhile, which is all we need.
    session.calls().callUnless("open the controller ports " + statePort + " and "
            + (statePort + PEER_OFFSET) + " in security group " + group.groupId(),
        "AuthorizeSecurityGroupIngress", Set.of("InvalidPermission.Duplicate"),
        () -> session.client().authorizeSecurityGroupIngress(request -> request
            .groupId(group.groupId()).ipPermissions(missing)));
  }

  /** True when the group already lets the same sources reach the same port. */
  private static boolean covered(SecurityGroup group, IpPermission wanted) {
    return group.ipPermissions().stream()
        .filter(have -> "tcp".equals(have.ipProtocol())
            && have.fromPort() != null && have.toPort() != null
            && have.fromPort() <= wanted.fromPort() && have.toPort() >= wanted.toPort())
        .anyMatch(have -> have.userIdGroupPairs().stream()
                .anyMatch(pair -> group.groupId().equals(pair.groupId()))
            && wanted.ipRanges().stream().allMatch(range -> have.ipRanges().stream()
                .anyMatch(existing -> range.cidrIp().equals(existing.cidrIp()))));
  }
}
