package io.hactl.replicaset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509KeyManager;

import org.junit.jupiter.api.Test;

class PeerTlsTest {

    private static X509Certificate certificateOf(PeerTls tls) {
        X509KeyManager km = (X509KeyManager) tls.keyManager();
        return km.getCertificateChain("member")[0];
    }

    @Test
    void membersHoldingTheSameKeyTrustEachOther() {
        PeerTls a = new PeerTls(PeerKey.of("c2FtZS1rZXktZm9yLWJvdGg=".getBytes(StandardCharsets.US_ASCII)));
        PeerTls b = new PeerTls(PeerKey.of("c2FtZS1rZXktZm9yLWJvdGg=".getBytes(StandardCharsets.US_ASCII)));
        assertThatCode(() -> a.trustManager().checkClientTrusted(new X509Certificate[] {certificateOf(b)}, "EC"))
            .doesNotThrowAnyException();
        assertThatCode(() -> b.trustManager().checkServerTrusted(new X509Certificate[] {certificateOf(a)}, "EC"))
            .doesNotThrowAnyException();
    }

    @Test
    void aMemberWithAnotherKeyIsRefusedAndTheReasonIsKept() {
        PeerTls a = new PeerTls(PeerKey.of("a2V5LW9uZS1mb3ItYQ==".getBytes(StandardCharsets.US_ASCII)));
        PeerTls other = new PeerTls(PeerKey.of("YW5vdGhlci1rZXktZm9yLWI=".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> a.trustManager().checkClientTrusted(new X509Certificate[] {certificateOf(other)}, "EC"))
            .isInstanceOf(CertificateException.class).hasMessageContaining("same --keyFile");
        assertThat(a.lastRefusal()).contains("key file");
    }

    @Test
    void signaturesVerifyOnlyWithTheSameKey() {
        PeerKey key = PeerKey.of("a2V5LW9uZS1mb3ItYQ==".getBytes(StandardCharsets.US_ASCII));
        PeerKey other = PeerKey.of("YW5vdGhlci1rZXktZm9yLWI=".getBytes(StandardCharsets.US_ASCII));
        byte[] data = "join".getBytes(StandardCharsets.UTF_8);
        assertThat(key.verify("p", data, key.sign("p", data))).isTrue();
        assertThat(key.verify("p", data, other.sign("p", data))).isFalse();
        assertThat(key.toString()).doesNotContain("a2V5");
    }
}
