package io.hactl.core.backup.internal;

import io.hactl.core.backup.InvalidBackupException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the replica-set key inside an archive with a passphrase: AES-256-GCM under a key
 * derived with PBKDF2-HMAC-SHA256 (a fresh salt per archive). GCM's tag makes a wrong
 * passphrase an error instead of a wrong key. Text form: {@code v1:<salt>:<iv>:<ciphertext>},
 * each part base64.
 */
public final class SecretSeal {

  private static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private SecretSeal() {}

  public static String seal(String secret, char[] passphrase) {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[SALT_BYTES];
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(salt);
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder b64 = Base64.getEncoder();
      return "v1:" + b64.encodeToString(salt) + ":" + b64.encodeToString(iv) + ":"
          + b64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot encrypt with AES-GCM", e);
    }
  }

  public static String open(String sealed, char[] passphrase) throws InvalidBackupException {
    String[] parts = sealed.strip().split(":");
    if (parts.length != 4 || !parts[0].equals("v1")) {
      throw new InvalidBackupException("its sealed replica-set key is not in a known form");
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] salt = b64.decode(parts[1]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(passphrase, salt),
          new GCMParameterSpec(TAG_BITS, b64.decode(parts[2])));
      return new String(cipher.doFinal(b64.decode(parts[3])), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidBackupException("its replica-set key does not open with the passphrase in "
          + io.hactl.core.backup.BackupFormat.PASSPHRASE_VARIABLE
          + "; set it to the passphrase used when the backup was created", e);
    }
  }

  private static SecretKeySpec key(char[] passphrase, byte[] salt)
      throws GeneralSecurityException {
    SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    byte[] key = factory.generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 256))
        .getEncoded();
    return new SecretKeySpec(key, "AES");
  }
}
