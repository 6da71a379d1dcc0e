package io.hactl.replicaset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.hactl.replicaset.MemberOptions;

class MemberFlagsTest {

    @Test
    void parsesMongodFlagNamesInBothForms() throws Exception {
        MemberOptions options = MemberFlags.parse(new String[] {"--port", "27100", "--dbpath=/tmp/m1", "--replSet", "rs0",
            "--keyFile", "/tmp/key", "--bind_ip", "127.0.0.1", "--peerPort=37200"});
        assertThat(options).isEqualTo(new MemberOptions("127.0.0.1", 27100, Path.of("/tmp/m1"), "rs0",
            Path.of("/tmp/key"), 37200));
    }

    @Test
    void defaultsToLoopbackAndPeerPortTenThousandAboveTheClientPort() throws Exception {
        MemberOptions options = MemberFlags.parse(new String[] {"--port", "27100", "--dbpath", "/tmp/m1", "--replSet", "rs0"});
        assertThat(options.bindIp()).isEqualTo("127.0.0.1");
        assertThat(options.keyFile()).isNull();
        assertThat(options.resolvePeerPort(27100)).isEqualTo(37100);
    }

    @Test
    void rejectsUnknownMissingAndMalformedFlagsWithOneLineMessages() {
        assertThatThrownBy(() -> MemberFlags.parse(new String[] {"--dbpath", "/d", "--replSet", "rs0", "--fork", "x"}))
            .hasMessageStartingWith("unknown flag --fork");
        assertThatThrownBy(() -> MemberFlags.parse(new String[] {"--dbpath", "/d"}))
            .hasMessageStartingWith("--replSet is required");
        assertThatThrownBy(() -> MemberFlags.parse(new String[] {"--dbpath", "/d", "--replSet", "rs0", "--port", "http"}))
            .hasMessage("--port must be a port number 1-65535, not 'http'");
        assertThatThrownBy(() -> MemberFlags.parse(new String[] {"--dbpath", "/d", "--replSet", "rs0", "--port"}))
            .hasMessageStartingWith("--port needs a value");
        assertThatThrownBy(() -> MemberFlags.parse(new String[] {"--dbpath", "/d", "--replSet", "rs0", "--bind_ip", "a,b"}))
            .hasMessageContaining("one address");
        assertThatThrownBy(() -> MemberFlags.parse(new String[] {"--dbpath", "/d", "--replSet", "bad name"}))
            .hasMessageContaining("replica set name");
    }
}
