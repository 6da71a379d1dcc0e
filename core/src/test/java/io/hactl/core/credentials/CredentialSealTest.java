package io.hactl.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialSealTest {

  private static final String UUID = "2f1c4c36-9a53-4f4e-a5b1-1f6c3b0a2d11";
  private static final Map<String, String> CREDENTIALS = Map.of(
      "access-key-id", "AKIAEXAMPLEKEYID0001", "secret-access-key", "wJalrXUtnFEMI-s3cr3t");
  private final CredentialKey key = CredentialKey.generate();

  @Test
  void opensWhatItSealedWithTheSameKeyAndEnvironment() throws Exception {
    String sealed = CredentialSeal.seal(CREDENTIALS, key, UUID);

    assertThat(CredentialSeal.open(sealed, key, UUID)).isEqualTo(CREDENTIALS);
  }

  @Test
  void theSealedTextHoldsNoSecretAndDiffersEachTime() {
    String first = CredentialSeal.seal(CREDENTIALS, key, UUID);
    String second = CredentialSeal.seal(CREDENTIALS, key, UUID);

    assertThat(first).startsWith("v1:").isNotEqualTo(second);
    String decoded = new String(Base64.getDecoder().decode(first.split(":")[2]),
        StandardCharsets.ISO_8859_1);
    assertThat(first + decoded).doesNotContain("AKIAEXAMPLEKEYID0001", "wJalrXUtnFEMI",
        "access-key-id");
  }

  @Test
  void everyAlteredByteOfTheCiphertextIsRefusedWithAClearError() {
    String sealed = CredentialSeal.seal(CREDENTIALS, key, UUID);
    String[] parts = sealed.split(":");
    byte[] body = Base64.getDecoder().decode(parts[2]);
    for (int i = 0; i < body.length; i++) {
      byte[] altered = body.clone();
      altered[i] ^= 0x01;
      String tampered = parts[0] + ":" + parts[1] + ":"
          + Base64.getEncoder().encodeToString(altered);
      assertThatThrownBy(() -> CredentialSeal.open(tampered, key, UUID))
          .as("byte %d", i)
          .isInstanceOf(CredentialsException.class)
          .hasMessage("cannot decrypt the provider credentials in state: they were altered, or"
              + " sealed under another credential key or for another environment; run `hactl"
              + " update-credentials` from the client that bootstrapped the environment");
    }
  }

  @Test
  void anAlteredIvOrATruncatedBodyIsRefused() {
    String[] parts = CredentialSeal.seal(CREDENTIALS, key, UUID).split(":");
    byte[] iv = Base64.getDecoder().decode(parts[1]);
    iv[0] ^= 0x40;
    String otherIv = "v1:" + Base64.getEncoder().encodeToString(iv) + ":" + parts[2];
    String truncated = "v1:" + parts[1] + ":" + parts[2].substring(0, 8);

    assertThatThrownBy(() -> CredentialSeal.open(otherIv, key, UUID))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("altered");
    assertThatThrownBy(() -> CredentialSeal.open(truncated, key, UUID))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("altered");
  }

  @Test
  void anotherKeyOrAnotherEnvironmentCannotOpenIt() {
    String sealed = CredentialSeal.seal(CREDENTIALS, key, UUID);

    assertThatThrownBy(() -> CredentialSeal.open(sealed, CredentialKey.generate(), UUID))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("another credential key");
    assertThatThrownBy(() -> CredentialSeal.open(sealed, key, "another-uuid"))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("another environment");
  }

  @Test
  void anUnknownFormIsRefusedNamingTheExpectedVersion() {
    assertThatThrownBy(() -> CredentialSeal.open("v9:abc:def", key, UUID))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("not in a form this hactl reads (expected v1)");
    assertThatThrownBy(() -> CredentialSeal.open("v1:not base64!:x", key, UUID))
        .isInstanceOf(CredentialsException.class).hasMessageContaining("altered");
  }

  @Test
  void noSecretLeaksThroughMessagesOrToString() {
    String sealed = CredentialSeal.seal(CREDENTIALS, key, UUID);
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
        () -> CredentialSeal.open(sealed, CredentialKey.generate(), UUID));

    assertThat(refused.getMessage()).doesNotContain(key.encoded(), "AKIA", "wJalr");
    assertThat(key.toString()).isEqualTo("CredentialKey[<hidden>]");
  }

  @Test
  void aKeyRoundTripsThroughItsTextFormAndRefusesAWrongLengthWithoutEchoingIt() {
    assertThat(CredentialKey.decode(key.encoded())).isEqualTo(key);
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> CredentialKey.decode(short16))
        .hasMessage("the credential key must be 32 bytes, not 16");
    assertThatThrownBy(() -> CredentialKey.decode("s3cr3t-not-base64!"))
        .hasMessage("the credential key is not base64");
  }
}
