package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

class InstanceMapperTest {
  @Test
  void mapsEveryEc2StateToAMachineState() {
    assertThat(InstanceMapper.state(InstanceStateName.PENDING)).isEqualTo(InstanceState.PENDING);
    assertThat(InstanceMapper.state(InstanceStateName.RUNNING)).isEqualTo(InstanceState.RUNNING);
    assertThat(InstanceMapper.state(InstanceStateName.STOPPING)).isEqualTo(InstanceState.STOPPED);
    assertThat(InstanceMapper.state(InstanceStateName.STOPPED)).isEqualTo(InstanceState.STOPPED);
    assertThat(InstanceMapper.state(InstanceStateName.SHUTTING_DOWN))
        .isEqualTo(InstanceState.STOPPED);
    assertThat(InstanceMapper.state(InstanceStateName.TERMINATED))
        .isEqualTo(InstanceState.STOPPED);
    assertThat(InstanceMapper.state(InstanceStateName.UNKNOWN_TO_SDK_VERSION))
        .isEqualTo(InstanceState.UNKNOWN);
    assertThat(InstanceMapper.state(null)).isEqualTo(InstanceState.UNKNOWN);
  }

  @Test
  void listsThePrivateAddressBeforeThePublicOneAndReadsTheTags() {
    Instance instance = InstanceMapper.toInstance(
        software.amazon.awssdk.services.ec2.model.Instance.builder()
            .instanceId("i-0123456789abcdef0")
            .publicIpAddress("198.51.100.20")
            .privateIpAddress("10.0.1.5")
            .state(state -> state.name(InstanceStateName.RUNNING))
            .instanceType("t3.small")
            .tags(Tags.tag(Tags.MACHINE, "4"), Tags.tag(Tags.STATE_PORT, "37017"),
                Tags.tag(Tags.CONTROLLER, "true"))
            .build());

    assertThat(instance.id()).isEqualTo("i-0123456789abcdef0");
    assertThat(instance.machineId()).isEqualTo("4");
    assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(instance.addresses()).containsExactly("10.0.1.5", "198.51.100.20");
    assertThat(instance.ports()).containsEntry(Instance.STATE_PORT, 37017);
    assertThat(instance.details()).containsEntry("instance-type", "t3.small")
        .containsEntry("ec2-state", "running").containsEntry("controller", "true");
  }

  @Test
  void anInstanceWithoutAddressesOrTagsStillMaps() {
    Instance instance = InstanceMapper.toInstance(
        software.amazon.awssdk.services.ec2.model.Instance.builder()
            .instanceId("i-0123456789abcdef1").build());

    assertThat(instance.addresses()).isEmpty();
    assertThat(instance.ports()).isEmpty();
    assertThat(instance.machineId()).isEmpty();
    assertThat(instance.state()).isEqualTo(InstanceState.UNKNOWN);
  }
}
