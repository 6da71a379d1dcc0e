package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MongodCommandTest {

  private static MongodCommand command(String address) {
    return new MongodCommand("hactl-1234abcd", 37017, address,
        Path.of("/d/machine-0/mongod-db"), Path.of("/d/machine-0/keyfile"));
  }

  @Test
  void runsAReplicaSetMemberWithTheSetsKeyfileOnItsPortAndFolder() {
    assertThat(command("10.0.0.5").arguments("/usr/bin/mongod")).containsExactly(
        "/usr/bin/mongod", "--replSet", "hactl-1234abcd", "--port", "37017",
        "--bind_ip", "127.0.0.1,10.0.0.5", "--dbpath", "/d/machine-0/mongod-db",
        "--keyFile", "/d/machine-0/keyfile");
  }

  @Test
  void listensOnLoopbackOnceWhenThatIsItsOwnAddress() {
    MongodCommand local = command("127.0.0.1");
    assertThat(local.bindIp()).isEqualTo("127.0.0.1");
    assertThat(local.arguments("mongod")).containsSubsequence(List.of("--bind_ip", "127.0.0.1"));
  }

  @Test
  void isKnownToItsPeersByItsAddressAndPreparedOverLoopback() {
    MongodCommand cloud = command("10.0.0.5");
    assertThat(cloud.memberAddress()).isEqualTo("10.0.0.5:37017");
    assertThat(cloud.loopbackAddress()).isEqualTo("127.0.0.1:37017");
  }

  @Test
  void refusesAPortOutOfRange() {
    assertThatThrownBy(() -> new MongodCommand("s", 0, "127.0.0.1", Path.of("d"),
        Path.of("k"))).hasMessageContaining("1..65535");
  }
}
