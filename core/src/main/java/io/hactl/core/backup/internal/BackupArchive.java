package io.hactl.core.backup.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hactl.core.backup.BackupFormat;
import io.hactl.core.backup.BackupIdentity;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.InvalidBackupException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A backup archive that has passed every check: it opens as a zip, its format version is one
 * this hactl reads, its checksum matches every byte of its entries, it holds every entry its
 * metadata names, and its replica-set key can be read. Only then may a restore change
 * anything, so a corrupt or truncated file is refused before the first side effect.
 */
public final class BackupArchive implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZipFile zip;
  private final BackupMetadata metadata;
  private final BackupIdentity identity;

  private BackupArchive(ZipFile zip, BackupMetadata metadata, BackupIdentity identity) {
    this.zip = zip;
    this.metadata = metadata;
    this.identity = identity;
  }

  /**
   * Opens and verifies an archive.
   *
   * @param passphrase opens a sealed key; may be null when the key is not sealed
   * @throws InvalidBackupException saying what is wrong with the file
   */
  public static BackupArchive open(Path file, char[] passphrase) throws InvalidBackupException {
    return open(file, passphrase, true);
  }

  /** Opens and verifies an archive without reading its key: enough to show or upload it. */
  public static BackupMetadata readMetadata(Path file) throws InvalidBackupException {
    try (BackupArchive archive = open(file, null, false)) {
      return archive.metadata();
    }
  }

  private static BackupArchive open(Path file, char[] passphrase, boolean withIdentity)
      throws InvalidBackupException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (IOException e) {
      throw new InvalidBackupException("it is truncated or not a backup archive ("
          + e.getMessage() + ")", e);
    }
    try {
      BackupMetadata metadata = verifyMetadata(zip);
      verifyChecksum(zip, metadata);
      BackupIdentity identity = withIdentity ? readIdentity(zip, metadata, passphrase) : null;
      return new BackupArchive(zip, metadata, identity);
    } catch (InvalidBackupException | RuntimeException e) {
      closeQuietly(zip);
      throw e;
    }
  }

  public BackupMetadata metadata() {
    return metadata;
  }

  public BackupIdentity identity() {
    return identity;
  }

  /** The collection's index specs, each one extended-JSON object. */
  public List<String> indexes(String collection) throws IOException {
    JsonNode array = JSON.readTree(text(zip, BackupFormat.indexesEntry(collection)));
    List<String> specs = new ArrayList<>();
    array.forEach(spec -> specs.add(spec.toString()));
    return specs;
  }

  /** The collection's documents, one extended-JSON line each; close it when done. */
  public DocumentLines documents(String collection) throws IOException {
    ZipEntry entry = zip.getEntry(BackupFormat.documentsEntry(collection));
    return new DocumentLines(new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
        StandardCharsets.UTF_8), 1 << 16));
  }

  @Override
  public void close() {
    closeQuietly(zip);
  }

  private static BackupMetadata verifyMetadata(ZipFile zip) throws InvalidBackupException {
    if (zip.getEntry(BackupFormat.METADATA) == null) {
      throw new InvalidBackupException("it is not a hactl backup: it has no "
          + BackupFormat.METADATA);
    }
    BackupMetadata metadata;
    try {
      metadata = MetadataJson.read(text(zip, BackupFormat.METADATA));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidBackupException("it is corrupt: " + e.getMessage(), e);
    }
    if (metadata.formatVersion() > BackupFormat.VERSION) {
      throw new InvalidBackupException("it has backup format " + metadata.formatVersion()
          + " (written by hactl " + metadata.hactlVersion() + "), newer than format "
          + BackupFormat.VERSION + " that this hactl reads; restore it with a newer hactl");
    }
    if (metadata.formatVersion() < 1) {
      throw new InvalidBackupException("it has an invalid backup format "
          + metadata.formatVersion());
    }
    return metadata;
  }

  private static void verifyChecksum(ZipFile zip, BackupMetadata metadata)
      throws InvalidBackupException {
    EntryDigest digest = new EntryDigest();
    List<String> names = new ArrayList<>();
    byte[] buffer = new byte[1 << 16];
    try {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (entry.getName().equals(BackupFormat.METADATA)) {
          continue;
        }
        names.add(entry.getName());
        digest.beginEntry(entry.getName());
        CRC32 crc = new CRC32();
        try (InputStream in = zip.getInputStream(entry)) {
          int read;
          while ((read = in.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
            crc.update(buffer, 0, read);
          }
        }
        digest.endEntry();
        checkCrc(entry, crc);
      }
    } catch (IOException e) {
      throw new InvalidBackupException("it is corrupt: " + e.getMessage(), e);
    }
    if (!digest.hex().equals(metadata.checksum())) {
      throw new InvalidBackupException("it is corrupt: its " + EntryDigest.FORMAT
          + " checksum does not match the one in its metadata");
    }
    for (String collection : metadata.collections()) {
      for (String name : List.of(BackupFormat.indexesEntry(collection),
          BackupFormat.documentsEntry(collection))) {
        if (!names.contains(name)) {
          throw new InvalidBackupException("it is incomplete: it has no " + name);
        }
      }
    }
  }

  private static BackupIdentity readIdentity(ZipFile zip, BackupMetadata metadata,
      char[] passphrase) throws InvalidBackupException {
    try {
      String secret;
      if (metadata.secretEncrypted()) {
        if (passphrase == null) {
          throw new InvalidBackupException("its replica-set key is sealed with a passphrase;"
              + " set " + BackupFormat.PASSPHRASE_VARIABLE + " to it");
        }
        secret = SecretSeal.open(text(zip, BackupFormat.SEALED_SECRET), passphrase);
      } else {
        secret = text(zip, BackupFormat.SECRET).strip();
      }
      return IdentityJson.read(text(zip, BackupFormat.IDENTITY), secret);
    } catch (IOException | NullPointerException e) {
      throw new InvalidBackupException("it is incomplete: it has no readable identity or"
          + " replica-set key", e);
    }
  }

  private static String text(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new IOException("no entry " + name);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readAllBytes();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      checkCrc(entry, crc);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * ZipFile inflates without checking CRC-32; checking it here covers metadata.json, which the
   * checksum cannot cover since it holds the checksum.
   */
  private static void checkCrc(ZipEntry entry, CRC32 crc) throws IOException {
    if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
      throw new ZipException("CRC-32 mismatch in " + entry.getName());
    }
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException e) {
      // Only read from: nothing to lose.
    }
  }

  /** The lines of one documents entry; the archive was verified, so lines are whole. */
  public static final class DocumentLines implements Iterator<String>, AutoCloseable {
    private final BufferedReader reader;
    private String next;

    DocumentLines(BufferedReader reader) {
      this.reader = reader;
      advance();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public String next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      String line = next;
      advance();
      return line;
    }

    private void advance() {
      try {
        do {
          next = reader.readLine();
        } while (next != null && next.isBlank());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
