package io.hactl.plugins.local;

import io.hactl.plugin.api.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The instance records of one environment: {@code <storageDirectory>/instances/<id>.properties}.
 * The files, not this object, are the truth, so a fresh provider object (a new client process)
 * sees what an earlier one started.
 */
final class InstanceRecords {
  private static final String SUFFIX = ".properties";

  /** Instance ids become file names: nothing that could leave the folder. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Path folder;

  InstanceRecords(Path storageDirectory) {
    this.folder = storageDirectory.resolve("instances");
  }

  static boolean isSafeId(String instanceId) {
    return SAFE_ID.matcher(instanceId).matches();
  }

  /** Every record, sorted by instance id. */
  List<InstanceRecord> all() throws ProviderException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<InstanceRecord> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
        records.add(read(file));
      }
    } catch (IOException e) {
      throw new ProviderException("cannot list instance records in " + folder + ": " + e, e);
    }
    records.sort(Comparator.comparing(InstanceRecord::instanceId));
    return records;
  }

  Optional<InstanceRecord> find(String instanceId) throws ProviderException {
    if (!isSafeId(instanceId)) {
      return Optional.empty();
    }
    Path file = fileOf(instanceId);
    return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
  }

  void save(InstanceRecord record) throws ProviderException {
    try {
      Files.createDirectories(folder);
      record.write(fileOf(record.instanceId()));
    } catch (IOException e) {
      throw new ProviderException(
          "cannot record instance " + record.instanceId() + " in " + folder + ": " + e, e);
    }
  }

  void delete(String instanceId) throws ProviderException {
    try {
      Files.deleteIfExists(fileOf(instanceId));
    } catch (IOException e) {
      throw new ProviderException("cannot delete the record of instance " + instanceId + ": " + e, e);
    }
  }

  private Path fileOf(String instanceId) {
    return folder.resolve(instanceId + SUFFIX);
  }

  private static InstanceRecord read(Path file) throws ProviderException {
    try {
      return InstanceRecord.read(file);
    } catch (IOException e) {
      throw new ProviderException(e.getMessage()
          + "; delete it once no agent process of that instance is left", e);
    }
  }
}
