package io.hactl.replicaset.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The set's shared key (from {@code --keyFile}) as an HMAC: members prove they hold it without
 * ever sending it. Absent key: {@link #none()}, which signs with nothing and accepts anything
 * (single-member sets and tests without peer authentication).
 */
public final class PeerKey {

    private final byte[] secret;

    private PeerKey(byte[] secret) {
        this.secret = secret;
    }

    public static PeerKey of(byte[] keyFileContent) {
        return new PeerKey(keyFileContent.clone());
    }

    public static PeerKey none() {
        return new PeerKey(null);
    }

    public boolean present() {
        return secret != null;
    }

    /** HMAC-SHA256 of {@code purpose} and {@code data}, base64url; "" without a key. */
    public String sign(String purpose, byte[] data) {
        if (secret == null) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** True when {@code signature} is {@link #sign}'s result for the same input (constant time). */
    public boolean verify(String purpose, byte[] data, String signature) {
        if (secret == null) {
            return true;
        }
        return signature != null && MessageDigest.isEqual(sign(purpose, data).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "PeerKey[<hidden>]";
    }
}
