package io.hactl.core.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The agent distribution as a file on this host (a tar.gz of the agent's jars and launcher), with
 * its SHA-256 computed once when it is opened.
 *
 * @param file the tar.gz
 * @param sha256 its SHA-256, lower-case hex
 */
public record DistributionTarball(Path file, String sha256) {

  public DistributionTarball {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** Reads {@code file} once to compute its checksum. */
  public static DistributionTarball of(Path file) throws IOException {
    return new DistributionTarball(file, sha256(file));
  }

  /** The SHA-256 of a file, lower-case hex, as {@code sha256sum} prints it. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
