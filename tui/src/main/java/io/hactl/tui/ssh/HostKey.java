package io.hactl.tui.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The SSH server's host key: an ECDSA P-256 key pair generated on first start and reused after,
 * so clients see the same fingerprint every time. The file is created with mode 0600 (never
 * wider, not even for a moment) and holds the PKCS#8 private key and X.509 public key in base64.
 */
public final class HostKey {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private HostKey() {}

  /** The key pair in {@code file}, generated and saved there first if the file is absent. */
  public static KeyPair loadOrCreate(Path file) throws IOException {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      write(file, pair);
      return pair;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the dashboard's SSH host key " + file + ": "
          + e.getMessage() + "; delete it to generate a new one", e);
    }
  }

  private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    if (lines.size() < 2) {
      throw new GeneralSecurityException("expected two lines, found " + lines.size());
    }
    KeyFactory factory = KeyFactory.getInstance("EC");
    return new KeyPair(
        factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1)))),
        factory.generatePrivate(
            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0)))));
  }

  private static void write(Path file, KeyPair pair) throws IOException {
    Files.createDirectories(file.getParent());
    String text = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
        + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another process created " + file + " meanwhile; start again", e);
    }
    Files.setPosixFilePermissions(file, OWNER_ONLY); // the umask may have narrowed, never widened
    Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }
}
