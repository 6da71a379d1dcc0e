package io.hactl.core.backup.internal;

import io.hactl.core.backup.BackupFormat;
import io.hactl.core.backup.BackupIdentity;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.StateDump;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup archive (a zip, see {@code core/BACKUPS.md}) from a live database. The file
 * is created with mode 0600 before any byte is written, since it holds the replica-set key, and
 * appears under its final name only once complete.
 */
public final class ArchiveWriter {

  /**
   * What the archive records beyond the dump.
   *
   * @param hactlVersion the running hactl's version
   * @param notes the user's notes
   * @param machine the controller whose member is primary
   * @param controllerCount the environment's controller count
   */
  public record Details(String hactlVersion, String notes, String machine, int controllerCount) {}

  private final Clock clock;

  public ArchiveWriter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Dumps every collection of {@code dump} into {@code target}.
   *
   * @param passphrase seals the replica-set key when not null; else the key is stored as is
   * @return the metadata written into the archive
   */
  public BackupMetadata write(Path target, StateDump dump, BackupIdentity identity,
      Details details, char[] passphrase) throws IOException {
    Instant started = clock.instant();
    Path temp = target.resolveSibling("." + target.getFileName() + ".partial");
    Files.deleteIfExists(temp);
    Files.createFile(temp,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    EntryDigest digest = new EntryDigest();
    BackupMetadata metadata;
    try (ZipOutputStream zip = new ZipOutputStream(
        new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
      // Fastest deflate: JSON still shrinks several-fold, and a backup must take seconds.
      zip.setLevel(Deflater.BEST_SPEED);
      List<String> collections = dump.collections();
      long size = 0;
      for (String collection : collections) {
        size += text(zip, digest, BackupFormat.indexesEntry(collection),
            "[" + String.join(",\n", dump.indexes(collection)) + "]\n");
        EntryStream entry = new EntryStream(zip, digest, BackupFormat.documentsEntry(collection));
        Writer out = new BufferedWriter(new OutputStreamWriter(entry, StandardCharsets.UTF_8),
            1 << 16);
        dump.export(collection, out);
        out.flush();
        size += entry.finish();
      }
      text(zip, digest, BackupFormat.IDENTITY, IdentityJson.write(identity));
      if (passphrase != null) {
        text(zip, digest, BackupFormat.SEALED_SECRET,
            SecretSeal.seal(identity.secret(), passphrase) + "\n");
      } else {
        text(zip, digest, BackupFormat.SECRET, identity.secret() + "\n");
      }
      metadata = new BackupMetadata(BackupFormat.VERSION, details.hactlVersion(),
          BackupFormat.id(started, identity.uuid()), digest.hex(), EntryDigest.FORMAT, size,
          started, clock.instant(), details.notes(), details.machine(),
          details.controllerCount(), identity.name(), identity.uuid(), identity.provider(),
          identity.replicaSet(), passphrase != null, collections);
      zip.putNextEntry(new ZipEntry(BackupFormat.METADATA));
      zip.write(MetadataJson.write(metadata).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return metadata;
  }

  private static long text(ZipOutputStream zip, EntryDigest digest, String name, String text)
      throws IOException {
    EntryStream entry = new EntryStream(zip, digest, name);
    entry.write(text.getBytes(StandardCharsets.UTF_8));
    return entry.finish();
  }

  /** One zip entry's content: counted into the checksum on its way into the zip. */
  private static final class EntryStream extends OutputStream {
    private final ZipOutputStream zip;
    private final EntryDigest digest;

    EntryStream(ZipOutputStream zip, EntryDigest digest, String name) throws IOException {
      this.zip = zip;
      this.digest = digest;
      zip.putNextEntry(new ZipEntry(name));
      digest.beginEntry(name);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      digest.update(b, off, len);
      zip.write(b, off, len);
    }

    /** Closes the entry (never the zip) and returns its length. */
    long finish() throws IOException {
      zip.closeEntry();
      return digest.endEntry();
    }
  }
}
