package io.hactl.core.credentials;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The environment's credential key: 256 random bits that seal the provider credentials kept in
 * state. Controllers hold it in their agent config (mode 0600), the bootstrapping client in its
 * store beside the replica-set key; it is never written to state, so a state reader (a plain
 * machine's agent, a dump without its sealed key) cannot open the credentials. Its {@code
 * toString} never shows it.
 */
public final class CredentialKey {

  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private CredentialKey(byte[] key) {
    this.key = key.clone();
  }

  /** A fresh random key, for a new environment. */
  public static CredentialKey generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new CredentialKey(bytes);
  }

  /**
   * The key of its {@link #encoded()} text form.
   *
   * @throws IllegalArgumentException when the text is not base64 of 32 bytes (the message never
   *     repeats the text)
   */
  public static CredentialKey decode(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the credential key is not base64", null);
    }
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("the credential key must be " + BYTES + " bytes, not "
          + bytes.length);
    }
    return new CredentialKey(bytes);
  }

  /** The key as base64 text, for files of mode 0600 only. */
  public String encoded() {
    return Base64.getEncoder().encodeToString(key);
  }

  SecretKey secretKey() {
    return new SecretKeySpec(key, "AES");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CredentialKey that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "CredentialKey[<hidden>]";
  }
}
