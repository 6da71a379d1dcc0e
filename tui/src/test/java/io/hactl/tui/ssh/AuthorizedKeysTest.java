package io.hactl.tui.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizedKeysTest {

  @TempDir
  Path dir;

  private static KeyPair ec() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static String line(KeyPair pair, String comment) throws Exception {
    return PublicKeyEntry.toString(pair.getPublic()) + " " + comment;
  }

  @Test
  void theOperatorOptionAmongOthersMarksAKeyAndOtherKeysAreReadOnly() throws Exception {
    KeyPair alice = ec();
    KeyPair bob = ec();
    KeyPair carol = ec();
    KeyPair stranger = ec();
    Path file = dir.resolve("authorized_keys");
    Files.writeString(file, "# operators first\n\n"
        + "operator " + line(alice, "alice@ops") + "\n"
        + "no-pty,operator " + line(carol, "carol@ops") + "\n"
        + line(bob, "bob@dev") + "\n"
        + "garbage that is no key\n");
    AuthorizedKeys keys = new AuthorizedKeys(file);

    assertThat(keys.find(alice.getPublic())).get()
        .extracting(AuthorizedKeys.Entry::operator).isEqualTo(true);
    assertThat(keys.find(carol.getPublic())).get()
        .extracting(AuthorizedKeys.Entry::operator).isEqualTo(true);
    assertThat(keys.find(bob.getPublic())).get()
        .extracting(AuthorizedKeys.Entry::operator).isEqualTo(false);
    assertThat(keys.find(stranger.getPublic())).isEmpty();
    assertThat(keys.problems()).singleElement().asString()
        .startsWith(file + " line 6: ");
  }

  @Test
  void aMissingFileLetsNoKeyInAndSaysSo() throws Exception {
    AuthorizedKeys keys = new AuthorizedKeys(dir.resolve("absent"));

    assertThat(keys.find(ec().getPublic())).isEmpty();
    assertThat(keys.problems()).containsExactly(
        dir.resolve("absent") + " does not exist: no key can log in");
  }

  @Test
  void keysAreReadAtEveryLoginSoARemovedKeyIsRefusedNextTime() throws Exception {
    KeyPair alice = ec();
    Path file = dir.resolve("authorized_keys");
    Files.writeString(file, line(alice, "alice") + "\n");
    AuthorizedKeys keys = new AuthorizedKeys(file);
    assertThat(keys.find(alice.getPublic())).isPresent();

    Files.writeString(file, "");

    assertThat(keys.find(alice.getPublic())).isEmpty();
  }
}
