package io.hactl.plugins.aws;

import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Builds the RunInstances request for one machine; no I/O. The instance and its volumes are
 * tagged with the environment uuid and machine id (how they are found again), the controller
 * flag and the state port; the user data is hactl's cloud-init, base64 as EC2 wants it.
 */
final class LaunchRequest {
  /** EC2 refuses user data above 16 KiB before base64. */
  static final int MAX_USER_DATA_BYTES = 16 * 1024;

  private LaunchRequest() {}

  /** The parts of a launch that the plugin worked out before building the request. */
  record Plan(String instanceType, String securityGroupId, ZonePlacer.Target target,
      ImageFacts image, int statePort) {}

  static RunInstancesRequest build(ProviderContext context, InstanceSpec spec,
      AwsSettings settings, Plan plan) throws ProviderException {
    RunInstancesRequest.Builder request = RunInstancesRequest.builder()
        .imageId(settings.imageId())
        .instanceType(plan.instanceType())
        .minCount(1)
        .maxCount(1)
        .securityGroupIds(plan.securityGroupId())
        .tagSpecifications(tagged(ResourceType.INSTANCE, context, spec, plan),
            tagged(ResourceType.VOLUME, context, spec, plan));
    byte[] userData = spec.userData().getBytes(StandardCharsets.UTF_8);
    if (userData.length > MAX_USER_DATA_BYTES) {
      throw new ProviderException("cannot start machine " + spec.machineId()
          + ": its cloud-init user data is " + userData.length + " bytes and EC2 accepts at most "
          + MAX_USER_DATA_BYTES);
    }
    if (userData.length > 0) {
      request.userData(Base64.getEncoder().encodeToString(userData));
    }
    plan.target().subnetId().ifPresent(request::subnetId);
    plan.target().zone().ifPresent(zone -> request.placement(
        software.amazon.awssdk.services.ec2.model.Placement.builder().availabilityZone(zone)
            .build()));
    long rootDisk = spec.constraints().rootDiskMegabytes();
    if (rootDisk > 0) {
      String device = plan.image().rootDeviceName().orElseThrow(() -> new ProviderException(
          "cannot satisfy root-disk=" + rootDisk + "M: image-id " + settings.imageId()
              + " names no root device; use an EBS-backed AMI"));
      // EBS sizes are whole GiB: round up so the disk is never smaller than asked.
      int gibibytes = (int) Math.max(1, (rootDisk + 1023) / 1024);
      request.blockDeviceMappings(BlockDeviceMapping.builder().deviceName(device)
          .ebs(EbsBlockDevice.builder().volumeSize(gibibytes).deleteOnTermination(true).build())
          .build());
    }
    return request.build();
  }

  static String instanceName(ProviderContext context, InstanceSpec spec) {
    return "hactl-" + context.environmentName() + "-machine-" + spec.machineId();
  }

  private static TagSpecification tagged(ResourceType type, ProviderContext context,
      InstanceSpec spec, Plan plan) {
    List<Tag> tags = new ArrayList<>(List.of(
        Tags.tag(Tags.ENVIRONMENT, context.environmentUuid()),
        Tags.tag(Tags.MACHINE, spec.machineId()),
        Tags.tag(Tags.CONTROLLER, Boolean.toString(spec.controller())),
        Tags.tag(Tags.NAME, instanceName(context, spec))));
    if (plan.statePort() > 0) {
      tags.add(Tags.tag(Tags.STATE_PORT, Integer.toString(plan.statePort())));
    }
    return TagSpecification.builder().resourceType(type).tags(tags).build();
  }
}
