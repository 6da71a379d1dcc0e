package io.hactl.core.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hactl.core.backup.BackupFormat;
import io.hactl.core.backup.BackupIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive that is not exactly what was written is refused before anything could use it:
 * flipped bytes, truncation, a newer format, a missing entry.
 */
class ArchiveCorruptionTest {

  static final BackupIdentity IDENTITY = new BackupIdentity(
      "0d9f3f7e-1c55-4d6e-9d49-8a7c2f4e1b11", "prod", "local", "hactl-0d9f3f7e", "a2V5a2V5a2V5");

  @TempDir
  Path dir;

  Path file;
  byte[] bytes;

  @BeforeEach
  void writeArchive() throws IOException {
    List<String> machines = new ArrayList<>();
    List<String> logs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      machines.add("{\"_id\": \"" + i + "\", \"jobs\": [\"host-units\"], \"life\": \"alive\"}");
      logs.add("{\"_id\": {\"$oid\": \"65f1c0ffee" + String.format("%014d", i) + "\"},"
          + " \"msg\": \"record " + i + " of machine-" + (i % 7) + "\"}");
    }
    FakeStateDump dump = new FakeStateDump()
        .with("machines", machines, List.of())
        .with("counters", List.of("{\"_id\": \"machine\", \"next\": {\"$numberLong\": \"200\"}}"),
            List.of())
        .with("logs", logs, List.of("{\"key\": {\"entity\": 1, \"seq\": 1}, \"name\": \"e\","
            + " \"unique\": true}"));
    file = dir.resolve("backup.zip");
    new ArchiveWriter(Clock.systemUTC()).write(file, dump, IDENTITY,
        new ArchiveWriter.Details("test", "", "0", 1), null);
    bytes = Files.readAllBytes(file);
  }

  @Test
  void opensTheArchiveAsWritten() throws Exception {
    try (BackupArchive archive = BackupArchive.open(file, null)) {
      assertEquals(IDENTITY, archive.identity());
      assertEquals(200, ArchivedMachines.nextMachineId(archive));
      assertEquals(200, ArchivedMachines.read(archive).size());
      assertEquals(List.of("{\"key\":{\"entity\":1,\"seq\":1},\"name\":\"e\",\"unique\":true}"),
          archive.indexes("logs"));
    }
  }

  @Test
  void neverAcceptsAFlippedByteThatChangesContent() throws Exception {
    Map<String, String> original = contents(file);
    int refused = 0;
    for (int position = 0; position < bytes.length; position += 7) {
      Path flipped = dir.resolve("flipped.zip");
      byte[] copy = bytes.clone();
      copy[position] ^= 0x5a;
      Files.write(flipped, copy);
      try (BackupArchive archive = BackupArchive.open(flipped, null)) {
        // Accepted: only bytes no reader uses were hit (a timestamp in a header).
        assertEquals(original, contents(flipped), "flip at " + position + " went unnoticed");
      } catch (io.hactl.core.backup.InvalidBackupException e) {
        refused++;
        assertTrue(e.getMessage().matches("it (is corrupt|is truncated|is not a|is incomplete"
            + "|has backup format|has an invalid).*"), e.getMessage());
      }
    }
    assertTrue(refused > bytes.length / 7 / 2, "most flips hit content: " + refused);
  }

  @Test
  void refusesATruncatedArchive() throws Exception {
    for (int length : List.of(0, 10, bytes.length / 3, bytes.length / 2, bytes.length - 1)) {
      Path truncated = dir.resolve("truncated.zip");
      Files.write(truncated, java.util.Arrays.copyOf(bytes, length));
      String refusal = Archives.refusal(() -> BackupArchive.open(truncated, null));
      assertTrue(refusal.startsWith("it is truncated or not a backup archive"), refusal);
    }
  }

  @Test
  void refusesANewerFormatNamingTheVersions() throws Exception {
    Path newer = rewrite(metadata -> metadata.replace("\"format-version\" : 1",
        "\"format-version\" : 2"), Map.of());
    String refusal = Archives.refusal(() -> BackupArchive.open(newer, null));
    assertEquals("it has backup format 2 (written by hactl test), newer than format 1 that this"
        + " hactl reads; restore it with a newer hactl", refusal);
  }

  @Test
  void refusesAnArchiveWhoseContentWasReplacedEvenWithValidZipData() throws Exception {
    Path edited = rewrite(m -> m, Map.of(BackupFormat.documentsEntry("counters"),
        "{\"_id\": \"machine\", \"next\": {\"$numberLong\": \"2\"}}\n"));
    String refusal = Archives.refusal(() -> BackupArchive.open(edited, null));
    assertTrue(refusal.contains("checksum does not match"), refusal);
  }

  @Test
  void refusesAFileThatIsNoBackup() throws Exception {
    Path other = dir.resolve("other.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other))) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("it is not a hactl backup: it has no metadata.json",
        Archives.refusal(() -> BackupArchive.open(other, null)));
  }

  /** A copy of the archive with metadata edited and entries replaced, as valid zip data. */
  private Path rewrite(java.util.function.UnaryOperator<String> metadata,
      Map<String, String> replaced) throws IOException {
    Path copy = dir.resolve("rewritten.zip");
    try (ZipFile zip = new ZipFile(file.toFile());
        OutputStream raw = Files.newOutputStream(copy);
        ZipOutputStream out = new ZipOutputStream(raw)) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        if (entry.getName().equals(BackupFormat.METADATA)) {
          text = metadata.apply(text);
        }
        text = replaced.getOrDefault(entry.getName(), text);
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    }
    return copy;
  }

  private static Map<String, String> contents(Path archive) throws IOException {
    Map<String, String> contents = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        contents.put(entry.getName(),
            new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return contents;
  }

}
