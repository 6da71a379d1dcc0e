package io.hactl.core.backup.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The archive's checksum: SHA-256 over every entry except metadata.json, in archive order, each
 * contributing its UTF-8 name, a zero byte, its content, and its content length as 8 bytes big
 * endian. Names and lengths are included so that moving bytes between entries, renaming or
 * dropping an entry all change the checksum.
 */
final class EntryDigest {

  static final String FORMAT = "SHA-256";

  private final MessageDigest digest;
  private long entryLength;

  EntryDigest() {
    try {
      digest = MessageDigest.getInstance(FORMAT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  void beginEntry(String name) {
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    entryLength = 0;
  }

  void update(byte[] bytes, int offset, int length) {
    digest.update(bytes, offset, length);
    entryLength += length;
  }

  /** Ends the entry and returns its length. */
  long endEntry() {
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(entryLength).array());
    return entryLength;
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
