package com.example.hactl.folder;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.ProviderException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The instance folders of one environment: {@code <storage>/instances/<id>/}. */
final class InstanceFolders {
  static final String MACHINE = "machine";
  static final String USER_DATA = "user-data";

  /** One instance folder. */
  record Folder(String id, String machineId) {
    Instance toInstance() {
      return new Instance(id, machineId, InstanceState.RUNNING, List.of(), Map.of(),
          Map.of("kind", "folder"));
    }
  }

  private final Path root;

  InstanceFolders(Path storageDirectory) {
    this.root = storageDirectory.resolve("instances");
  }

  Path path(String instanceId) {
    return root.resolve(instanceId);
  }

  Folder create(String machineId, String userData) throws ProviderException {
    String id = "folder-" + machineId;
    Path folder = path(id);
    try {
      Files.createDirectories(root);
      Files.createDirectory(folder);
      Files.writeString(folder.resolve(MACHINE), machineId);
      // User data holds secrets: owner-only, like every secret file hactl writes.
      Path userDataFile = Files.createFile(folder.resolve(USER_DATA),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(userDataFile, userData);
    } catch (FileAlreadyExistsException e) {
      throw new ProviderException("machine " + machineId + " already has instance " + id
          + "; stop it first");
    } catch (IOException e) {
      throw new ProviderException("cannot create instance folder " + folder + ": "
          + e.getMessage(), e);
    }
    return new Folder(id, machineId);
  }

  void delete(String instanceId) throws ProviderException {
    Path folder = path(instanceId);
    if (!folder.normalize().startsWith(root) || !Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new ProviderException("cannot delete instance folder " + folder + ": "
          + e.getMessage(), e);
    }
  }

  int count() throws ProviderException {
    return all().size();
  }

  List<Folder> all() throws ProviderException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Folder> folders = new ArrayList<>();
    try (Stream<Path> paths = Files.list(root)) {
      for (Path folder : paths.sorted().toList()) {
        folders.add(new Folder(folder.getFileName().toString(),
            Files.readString(folder.resolve(MACHINE))));
      }
    } catch (IOException e) {
      throw new ProviderException("cannot list instance folders in " + root + ": "
          + e.getMessage(), e);
    }
    return folders;
  }
}
