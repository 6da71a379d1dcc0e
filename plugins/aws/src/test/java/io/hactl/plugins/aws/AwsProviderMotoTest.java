package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** The provider against a real moto_server on 127.0.0.1: starting, listing, stopping. */
class AwsProviderMotoTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  @TempDir Path storage;

  private final AwsProvider provider = Fixtures.provider();
  private Ec2Client ec2;
  private ProviderContext context;

  @BeforeEach
  void setUp() {
    ec2 = Fixtures.inspector(MOTO.endpoint());
    context = Fixtures.context(Fixtures.settings(MOTO.endpoint()), storage);
  }

  @AfterEach
  void tearDown() {
    ec2.close();
  }

  @Test
  void startsListsAndStopsInstances() throws Exception {
    Instance first = provider.startInstance(context, Fixtures.spec("0", true, "#cloud-config\n"));
    Instance second = provider.startInstance(context, Fixtures.spec("1", false, ""));

    assertThat(first.id()).startsWith("i-");
    assertThat(first.machineId()).isEqualTo("0");
    assertThat(first.state()).isIn(InstanceState.PENDING, InstanceState.RUNNING);
    assertThat(provider.instances(context))
        .extracting(Instance::machineId, Instance::id)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("0", first.id()),
            org.assertj.core.groups.Tuple.tuple("1", second.id()));

    provider.stopInstances(context, List.of(first.id()));

    assertThat(provider.instances(context)).extracting(Instance::id).containsExactly(second.id());
    assertThat(ec2.describeInstances(request -> request.instanceIds(first.id()))
        .reservations().get(0).instances().get(0).state().nameAsString()).isEqualTo("terminated");
  }

  @Test
  void listsRunningInstancesWithPrivateAddressFirstAndTheControllersStatePort() throws Exception {
    provider.startInstance(context, Fixtures.spec("0", true, ""));

    Instance listed = provider.instances(context).get(0);

    assertThat(listed.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(listed.addresses()).hasSize(2);
    assertThat(listed.addresses().get(0)).startsWith("10.");
    assertThat(listed.ports()).containsEntry(Instance.STATE_PORT, AwsProvider.DEFAULT_STATE_PORT);
    assertThat(listed.details()).containsEntry("instance-type", "t3.small")
        .containsEntry("controller", "true").containsKey("zone");
  }

  @Test
  void tagsAndUserDataRoundTrip() throws Exception {
    String userData = "#cloud-config\nwrite_files:\n- path: /etc/hactl/agent.yaml\n"
        + "  permissions: '0600'\n  content: |\n    secret: s3cr3t é\n";
    Instance started = provider.startInstance(context, Fixtures.spec("7", true, userData));

    String stored = ec2.describeInstanceAttribute(request -> request
        .instanceId(started.id()).attribute(InstanceAttributeName.USER_DATA)).userData().value();
    assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8))
        .isEqualTo(userData);
    Map<String, String> tags = Tags.asMap(ec2.describeInstances(request -> request
        .instanceIds(started.id())).reservations().get(0).instances().get(0).tags());
    assertThat(tags)
        .containsEntry(Tags.ENVIRONMENT, context.environmentUuid())
        .containsEntry(Tags.MACHINE, "7")
        .containsEntry(Tags.CONTROLLER, "true")
        .containsEntry(Tags.STATE_PORT, "37017")
        .containsEntry(Tags.NAME, "hactl-test-machine-7");
  }

  @Test
  void controllersShareOneSecurityGroupWithTheirPortsOpenOnce() throws Exception {
    provider.startInstance(context, Fixtures.spec("0", true, ""));
    provider.startInstance(context, Fixtures.spec("1", true, ""));
    provider.startInstance(context, Fixtures.spec("2", false, ""));

    List<SecurityGroup> groups = ec2.describeSecurityGroups(request -> request.filters(
        Tags.environment(context.environmentUuid()))).securityGroups();
    assertThat(groups).hasSize(1);
    SecurityGroup group = groups.get(0);
    assertThat(group.groupName()).isEqualTo("hactl-" + context.environmentUuid());
    assertThat(group.ipPermissions())
        .extracting(permission -> permission.fromPort())
        .containsExactlyInAnyOrder(37017, 47017);
    assertThat(group.ipPermissions()).allSatisfy(permission -> assertThat(
        permission.userIdGroupPairs()).extracting(pair -> pair.groupId())
        .containsExactly(group.groupId()));
    List<String> groupsOfInstances = ec2.describeInstances(request -> request.filters(
            Tags.environment(context.environmentUuid()))).reservations().stream()
        .flatMap(reservation -> reservation.instances().stream())
        .flatMap(instance -> instance.securityGroups().stream())
        .map(identifier -> identifier.groupId()).distinct().toList();
    assertThat(groupsOfInstances).containsExactly(group.groupId());
  }

  @Test
  void findsTheEnvironmentsGroupByNameWhenItsTagIsGone() throws Exception {
    String name = SecurityGroups.name(context.environmentUuid());
    String existing = ec2.createSecurityGroup(request -> request.groupName(name)
        .description("made before, tag lost")).groupId();

    provider.startInstance(context, Fixtures.spec("0", true, ""));

    List<SecurityGroup> named = ec2.describeSecurityGroups(request -> request.filters(
        Tags.filter("group-name", name))).securityGroups();
    assertThat(named).extracting(SecurityGroup::groupId).containsExactly(existing);
    assertThat(named.get(0).ipPermissions()).extracting(permission -> permission.fromPort())
        .containsExactlyInAnyOrder(37017, 47017);
  }

  @Test
  void opensTheIngressCidrsToo() throws Exception {
    Map<String, String> settings = Fixtures.settings(MOTO.endpoint());
    settings.put(AwsSettings.INGRESS_CIDR, "203.0.113.0/24, 198.51.100.7/32");
    ProviderContext withCidrs = Fixtures.context(settings, storage);

    provider.startInstance(withCidrs, Fixtures.spec("0", true, ""));

    SecurityGroup group = ec2.describeSecurityGroups(request -> request.filters(
        Tags.environment(withCidrs.environmentUuid()))).securityGroups().get(0);
    assertThat(group.ipPermissions()).allSatisfy(permission -> assertThat(permission.ipRanges())
        .extracting(range -> range.cidrIp())
        .containsExactlyInAnyOrder("203.0.113.0/24", "198.51.100.7/32"));
  }

  @Test
  void refusesASecondInstanceForTheSameMachine() throws Exception {
    Instance first = provider.startInstance(context, Fixtures.spec("3", false, ""));

    assertThatThrownBy(() -> provider.startInstance(context, Fixtures.spec("3", false, "")))
        .isInstanceOf(ProviderException.class)
        .hasMessage("machine 3 already runs as instance " + first.id()
            + "; stop that instance first");
  }

  @Test
  void stoppingUnknownOrAlreadyStoppedInstancesIsANoOp() throws Exception {
    Instance started = provider.startInstance(context, Fixtures.spec("0", false, ""));

    provider.stopInstances(context, List.of(started.id()));
    provider.stopInstances(context, List.of(started.id(), "i-0123456789abcdef0", "not-an-id"));
    provider.stopInstances(context, List.of());

    assertThat(provider.instances(context)).isEmpty();
  }

  @Test
  void neverListsOrStopsAnotherEnvironmentsInstances() throws Exception {
    ProviderContext other = Fixtures.context("other", UUID.randomUUID().toString(),
        Fixtures.settings(MOTO.endpoint()), storage);
    Instance theirs = provider.startInstance(other, Fixtures.spec("0", false, ""));
    Instance ours = provider.startInstance(context, Fixtures.spec("0", false, ""));

    provider.stopInstances(context, List.of(theirs.id()));

    assertThat(provider.instances(context)).extracting(Instance::id).containsExactly(ours.id());
    assertThat(provider.instances(other)).extracting(Instance::id).containsExactly(theirs.id());
  }

  @Test
  void placesAMachineInTheAskedZone() throws Exception {
    Instance started = provider.startInstance(context,
        Fixtures.spec("0", Constraints.NONE, new Placement("us-east-1c")));

    assertThat(started.details()).containsEntry("zone", "us-east-1c");
    assertThat(provider.instances(context).get(0).details()).containsEntry("zone", "us-east-1c");
  }

  @Test
  void placesAMachineInASubnetOfTheVpcInTheAskedZone() throws Exception {
    String vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
    String subnet = ec2.describeSubnets(request -> request.filters(
            Tags.filter("vpc-id", vpc), Tags.filter("availability-zone", "us-east-1b")))
        .subnets().get(0).subnetId();
    Map<String, String> settings = Fixtures.settings(MOTO.endpoint());
    settings.put(AwsSettings.VPC_ID, vpc);
    ProviderContext inVpc = Fixtures.context(settings, storage);

    Instance started = provider.startInstance(inVpc,
        Fixtures.spec("0", Constraints.NONE, new Placement("us-east-1b")));

    assertThat(started.details()).containsEntry("subnet", subnet)
        .containsEntry("zone", "us-east-1b");
    assertThat(ec2.describeSecurityGroups(request -> request.filters(
        Tags.environment(inVpc.environmentUuid()))).securityGroups().get(0).vpcId())
        .isEqualTo(vpc);
  }

  @Test
  void refusesAZoneTheRegionDoesNotHave() {
    assertThatThrownBy(() -> provider.startInstance(context,
        Fixtures.spec("0", Constraints.NONE, new Placement("eu-west-1a"))))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("cannot place a machine in zone eu-west-1a: region us-east-1 has"
            + " no available zone of that name; zones: us-east-1a, us-east-1b");
    assertThat(ec2.describeInstances().reservations()).isEmpty();
  }

  @Test
  void mapsConstraintsToTheSmallestFittingInstanceType() throws Exception {
    Instance medium = provider.startInstance(context,
        Fixtures.spec("0", Fixtures.constraints(4096, 2, null, null), Placement.ANYWHERE));
    Instance manyCores = provider.startInstance(context,
        Fixtures.spec("1", Fixtures.constraints(1024, 8, null, null), Placement.ANYWHERE));
    Instance named = provider.startInstance(context,
        Fixtures.spec("2", Fixtures.constraints(0, 0, "c6i.large", null), Placement.ANYWHERE));

    assertThat(medium.details()).containsEntry("instance-type", "t3.medium");
    assertThat(manyCores.details()).containsEntry("instance-type", "t3.2xlarge");
    assertThat(named.details()).containsEntry("instance-type", "c6i.large");
  }

  @Test
  void picksAnArmTypeForAnArmImage() throws Exception {
    Map<String, String> settings = Fixtures.settings(MOTO.endpoint());
    settings.put(AwsSettings.IMAGE_ID, Fixtures.ARM64_IMAGE);
    ProviderContext arm = Fixtures.context(settings, storage);

    Instance started = provider.startInstance(arm, Fixtures.spec("0", false, ""));

    assertThat(started.details()).containsEntry("instance-type", "t4g.small");
  }

  @Test
  void sizesTheRootDiskInWholeGibibytes() throws Exception {
    Constraints disk = new Constraints(0, 0, 20 * 1024 + 1, null, null, List.of());

    Instance started = provider.startInstance(context,
        Fixtures.spec("0", disk, Placement.ANYWHERE));

    String volume = ec2.describeInstances(request -> request.instanceIds(started.id()))
        .reservations().get(0).instances().get(0).blockDeviceMappings().stream()
        .filter(mapping -> mapping.deviceName().equals("/dev/xvda"))
        .findFirst().orElseThrow().ebs().volumeId();
    assertThat(ec2.describeVolumes(request -> request.volumeIds(volume)).volumes().get(0).size())
        .isEqualTo(21);
  }

  @Test
  void refusesImpossibleConstraintsBeforeStartingAnything() {
    assertThatThrownBy(() -> provider.startInstance(context,
        Fixtures.spec("0", Fixtures.constraints(2_000_000, 0, null, null), Placement.ANYWHERE)))
        .isInstanceOf(ProviderException.class)
        .hasMessage("cannot satisfy mem=2000000M: no amd64 instance type in hactl's aws table has"
            + " that much (largest: r5.24xlarge with 786432M and 96 cores); ask for less or name"
            + " a type with instance-type=");
    assertThatThrownBy(() -> provider.startInstance(context,
        Fixtures.spec("0", Fixtures.constraints(0, 0, null, "arm64"), Placement.ANYWHERE)))
        .hasMessage("cannot satisfy arch=arm64: the image-id is amd64; set image-id to an arm64"
            + " AMI");
    assertThatThrownBy(() -> provider.startInstance(context,
        Fixtures.spec("0", Fixtures.constraints(8192, 0, "t3.small", null), Placement.ANYWHERE)))
        .hasMessage("cannot satisfy mem=8192M instance-type=t3.small: instance type t3.small has"
            + " 2048M, 2 cores, amd64; drop instance-type or the other constraints");
    assertThat(ec2.describeInstances().reservations()).isEmpty();
  }

  @Test
  void reportsAnUnknownImageClearly() {
    Map<String, String> settings = Fixtures.settings(MOTO.endpoint());
    settings.put(AwsSettings.IMAGE_ID, "ami-00000000");
    ProviderContext unknownImage = Fixtures.context(settings, storage);

    assertThatThrownBy(() -> provider.startInstance(unknownImage, Fixtures.spec("0", false, "")))
        .isInstanceOf(ProviderException.class)
        .hasMessage("cannot look up image-id ami-00000000: image-id ami-00000000 is not an AMI"
            + " available in region us-east-1 (InvalidAMIID.NotFound); set image-id to an AMI of"
            + " that region");
  }

  @Test
  void releasingAnEnvironmentDeletesItsSecurityGroupOnceItsInstancesAreStopped()
      throws Exception {
    Instance started = provider.startInstance(context, Fixtures.spec("0", true, ""));
    provider.stopInstances(context, List.of(started.id()));
    assertThat(provider.instances(context)).isEmpty();

    provider.releaseEnvironment(context);

    assertThat(groupsOf(context)).isEmpty();
  }

  @Test
  void releasingTwiceSucceedsTheSecondTimeWithNothingLeft() throws Exception {
    Instance started = provider.startInstance(context, Fixtures.spec("0", false, ""));
    provider.stopInstances(context, List.of(started.id()));

    provider.releaseEnvironment(context);
    provider.releaseEnvironment(context);

    assertThat(groupsOf(context)).isEmpty();
  }

  @Test
  void releasingAnEnvironmentThatCreatedNothingSucceedsAndLeavesOtherGroupsAlone()
      throws Exception {
    ProviderContext other = Fixtures.context("other", UUID.randomUUID().toString(),
        Fixtures.settings(MOTO.endpoint()), storage);
    provider.startInstance(other, Fixtures.spec("0", true, ""));
    int groupsBefore = ec2.describeSecurityGroups().securityGroups().size();

    provider.releaseEnvironment(context);

    assertThat(ec2.describeSecurityGroups().securityGroups()).hasSize(groupsBefore);
    assertThat(groupsOf(other)).hasSize(1);
  }

  @Test
  void releasingDeletesTheEnvironmentsGroupFoundByNameWhenItsTagIsGone() throws Exception {
    String name = SecurityGroups.name(context.environmentUuid());
    ec2.createSecurityGroup(request -> request.groupName(name).description("tag lost"));

    provider.releaseEnvironment(context);

    assertThat(ec2.describeSecurityGroups(request -> request.filters(
        Tags.filter("group-name", name))).securityGroups()).isEmpty();
  }

  @Test
  void reportsAnUnknownInstanceClearly() throws Exception {
    AwsSettings settings = AwsSettings.parse(context.settings());
    Ec2Sessions sessions = new Ec2Sessions(Fixtures.ENVIRONMENT::get,
        EndpointPolicy.fromSystemProperties(), Fixtures.QUICK);

    try (Ec2Session session = sessions.open(settings)) {
      assertThatThrownBy(() -> session.calls().call("read the user data of i-0123456789abcdef0",
          "DescribeInstanceAttribute", () -> session.client().describeInstanceAttribute(
              request -> request.instanceId("i-0123456789abcdef0")
                  .attribute(InstanceAttributeName.USER_DATA))))
          .isInstanceOf(ProviderException.class)
          .hasMessage("cannot read the user data of i-0123456789abcdef0: no such instance in"
              + " region us-east-1 (InvalidInstanceID.NotFound: The instance ID"
              + " 'i-0123456789abcdef0' does not exist)");
    }
  }

  /** The ids of the environment's groups, found by tag or by name. */
  private List<String> groupsOf(ProviderContext environment) {
    String uuid = environment.environmentUuid();
    return Stream.of(Tags.environment(uuid), Tags.filter("group-name", SecurityGroups.name(uuid)))
        .flatMap(filter -> ec2.describeSecurityGroups(request -> request.filters(filter))
            .securityGroups().stream())
        .map(SecurityGroup::groupId).distinct().toList();
  }
}
