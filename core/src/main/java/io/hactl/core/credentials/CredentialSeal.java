package io.hactl.core.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a provider's named credentials with AES-256-GCM under the environment's {@link
 * CredentialKey}. Text form: {@code v1:<iv>:<ciphertext>} (base64 parts; a fresh 96-bit IV for
 * every seal). The plaintext is the names and values as a JSON object. The environment's uuid is
 * GCM's additional authenticated data, so a value moved from another environment's state fails
 * like an altered one: GCM's tag refuses any change, and nothing is returned half-opened.
 */
public final class CredentialSeal {

  private static final String VERSION = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  private CredentialSeal() {}

  /** The sealed text of {@code credentials} for the environment {@code environmentUuid}. */
  public static String seal(Map<String, String> credentials, CredentialKey key,
      String environmentUuid) {
    Objects.requireNonNull(environmentUuid, "environmentUuid");
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      byte[] plain = JSON.writeValueAsBytes(new TreeMap<>(credentials));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(environmentUuid));
      byte[] sealed = cipher.doFinal(plain);
      Arrays.fill(plain, (byte) 0);
      Base64.Encoder b64 = Base64.getEncoder();
      return VERSION + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("provider credentials are not serializable", null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot encrypt with AES-GCM", e);
    }
  }

  /**
   * The credentials sealed in {@code sealed}.
   *
   * @throws CredentialsException when the text is not in a known form, or GCM refuses it
   *     (altered, another key, another environment)
   */
  public static Map<String, String> open(String sealed, CredentialKey key,
      String environmentUuid) throws CredentialsException {
    String[] parts = sealed.strip().split(":");
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new CredentialsException("the provider credentials in state are not in a form this"
          + " hactl reads (expected " + VERSION + "); run `hactl update-credentials` to store"
          + " them again", null);
    }
    byte[] iv;
    byte[] body;
    try {
      iv = Base64.getDecoder().decode(parts[1]);
      body = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw altered(null);
    }
    // Shorter than GCM's tag: the JDK would fail with a ProviderException, not a tag error.
    if (iv.length != IV_BYTES || body.length < TAG_BITS / 8) {
      throw altered(null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(environmentUuid));
      byte[] plain = cipher.doFinal(body);
      try {
        return Map.copyOf(JSON.readValue(plain, MAP));
      } catch (IOException e) {
        // Authentic but unreadable: written by something else than this class.
        throw new CredentialsException("the provider credentials in state opened but hold no"
            + " name-value pairs; run `hactl update-credentials` to store them again", null);
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
    } catch (AEADBadTagException e) {
      throw altered(e);
    } catch (GeneralSecurityException e) {
      throw new CredentialsException("cannot decrypt the provider credentials in state: "
          + e.getMessage(), e);
    }
  }

  private static CredentialsException altered(Exception cause) {
    return new CredentialsException("cannot decrypt the provider credentials in state: they were"
        + " altered, or sealed under another credential key or for another environment; run"
        + " `hactl update-credentials` from the client that bootstrapped the environment", cause);
  }

  private static byte[] aad(String environmentUuid) {
    return ("hactl-credentials:" + VERSION + ":" + environmentUuid)
        .getBytes(StandardCharsets.UTF_8);
  }
}
