package io.hactl.replicaset.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mutual TLS between members, rooted in the set's key file rather than a CA: each member makes a
 * fresh EC key pair and a self-signed certificate whose common name is the HMAC, under the set's
 * key, of its public key. A peer is trusted when its certificate is self-signed and carries that
 * HMAC: only holders of the key can mint one, and TLS proves possession of the private key.
 */
public final class PeerTls {

    private static final Logger LOG = LoggerFactory.getLogger(PeerTls.class);
    private static final String PURPOSE = "hactl-peer-certificate";

    private final PeerKey key;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final AtomicReference<String> lastRefusal = new AtomicReference<>();

    public PeerTls(PeerKey key) {
        this.key = key;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keyPair = generator.generateKeyPair();
            this.certificate = selfSigned(keyPair, "hactl-member-" + key.sign(PURPOSE, keyPair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the member's TLS certificate: " + e.getMessage(), e);
        }
    }

    public KeyManager keyManager() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("member", keyPair.getPrivate(), password, new X509Certificate[] {certificate});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the member's TLS key manager: " + e.getMessage(), e);
        }
    }

    public X509ExtendedTrustManager trustManager() {
        return new KeyFileTrustManager();
    }

    /** Why the last peer was refused, if one was ("" when none). */
    public String lastRefusal() {
        String refusal = lastRefusal.get();
        return refusal == null ? "" : refusal;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw refuse("peer presented no certificate");
        }
        X509Certificate peer = chain[0];
        try {
            peer.checkValidity();
            peer.verify(peer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw refuse("peer certificate is not a valid self-signed member certificate");
        }
        String expected = "CN=hactl-member-" + key.sign(PURPOSE, peer.getPublicKey().getEncoded());
        if (!peer.getSubjectX500Principal().getName().equals(expected)) {
            throw refuse("peer certificate was not made with this replica set's key file; check that every member has the same --keyFile");
        }
    }

    private CertificateException refuse(String why) {
        // Log each distinct reason once: a refused peer retries several times a second.
        if (!why.equals(lastRefusal.getAndSet(why))) {
            LOG.warn("refused a replica-set peer: {}", why);
        }
        return new CertificateException(why);
    }

    private final class KeyFileTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        // Host names are not checked: members are named by address, and the key-file HMAC is the identity.
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String commonName) throws GeneralSecurityException {
        byte[] ecdsaWithSha256 = Der.sequence(Der.oid(1, 2, 840, 10045, 4, 3, 2));
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(2, 5, 4, 3), Der.utf8(commonName))));
        byte[] validity = Der.sequence(Der.utcTime("200101000000Z"), Der.generalizedTime("20991231235959Z"));
        byte[] tbs = Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)),
            Der.integer(new BigInteger(63, new SecureRandom())),
            ecdsaWithSha256, name, validity, name,
            pair.getPublic().getEncoded());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] cert = Der.sequence(tbs, ecdsaWithSha256, Der.bitString(signer.sign()));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(cert));
        if (!certificate.getSubjectX500Principal().equals(new X500Principal("CN=" + commonName))) {
            throw new GeneralSecurityException("certificate subject did not round-trip");
        }
        return certificate;
    }
}
