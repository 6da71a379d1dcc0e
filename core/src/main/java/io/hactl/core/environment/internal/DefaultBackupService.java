package io.hactl.core.environment.internal;

import io.hactl.config.EnvironmentConfig;
import io.hactl.core.HactlException;
import io.hactl.core.InstallLayout;
import io.hactl.core.backup.BackupFormat;
import io.hactl.core.backup.BackupIdentity;
import io.hactl.core.backup.BackupIds;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupSchedule;
import io.hactl.core.backup.BackupService;
import io.hactl.core.backup.BackupStore;
import io.hactl.core.backup.CreatedBackup;
import io.hactl.core.backup.InvalidBackupException;
import io.hactl.core.backup.RestoreRequest;
import io.hactl.core.backup.RestoreResult;
import io.hactl.core.backup.StateDump;
import io.hactl.core.backup.internal.ArchiveWriter;
import io.hactl.core.backup.internal.BackupArchive;
import io.hactl.core.provider.GuardedProvider;
import io.hactl.core.state.BackupStores;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Event;
import io.hactl.core.state.Machine;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.core.store.ClientStore;
import io.hactl.core.store.EnvironmentRecordFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The usual {@link BackupService}. Archives are made on the client from a connection to the
 * primary and stored on the controllers through the same connection; the archive format and
 * the consistency a dump gives are described in {@code core/BACKUPS.md}.
 */
public final class DefaultBackupService implements BackupService {

  private final EnvironmentContext env;
  private final StateConnection state;
  private final Clock clock;

  private DefaultBackupService(EnvironmentContext env, Clock clock) {
    this.env = env;
    this.state = new StateConnection(env);
    this.clock = clock;
  }

  public static DefaultBackupService open(EnvironmentConfig config, GuardedProvider provider,
      ClientStore store, InstallLayout layout) {
    return new DefaultBackupService(new EnvironmentContext(config, provider, store, layout),
        Clock.systemUTC());
  }

  @Override
  public CreatedBackup create(String notes, Path downloadTo) throws HactlException {
    EnvironmentRecordFile record = requireQuorum("create a backup");
    Path temp = null;
    try {
      StateStore store = state.store();
      EnvironmentRecord environment = store.environment().orElseThrow(() -> new StateException(
          "state holds no environment document", null));
      List<Machine> machines = store.machines();
      BackupIdentity identity = new BackupIdentity(environment.uuid(), environment.name(),
          environment.provider(), environment.replicaSet(), env.store().secret(env.name()));
      ArchiveWriter.Details details = new ArchiveWriter.Details(hactlVersion(),
          notes == null ? "" : notes, primaryMachine(store.members(), machines),
          (int) machines.stream().filter(Machine::isController).count());
      temp = Files.createTempFile(env.store().environmentDirectory(env.name()), ".backup-",
          ".zip");
      StateEndpoint endpoint = env.endpoint(record);
      try (StateDump dump = BackupStores.dump(endpoint);
          BackupStore backups = BackupStores.backups(endpoint)) {
        BackupIds.awaitFreeSecond(backups, identity.uuid(), clock);
        BackupMetadata metadata = new ArchiveWriter(clock).write(temp, dump, identity,
            details, Passphrase.fromEnvironment());
        backups.save(metadata, temp);
        syncSchedule(store);
        List<String> pruned = prune(backups, env.config().backupKeep());
        store.recordEvent(new Event(clock.instant(), "backup", details.machine(),
            "backup " + metadata.id() + " created" + (notes == null || notes.isBlank()
                ? "" : ": " + notes)));
        Path file = null;
        if (downloadTo != null) {
          file = Files.isDirectory(downloadTo)
              ? downloadTo.resolve("hactl-backup-" + metadata.id() + ".zip") : downloadTo;
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return new CreatedBackup(metadata, file, pruned);
      }
    } catch (StateException e) {
      throw QuorumProbe.explain("create a backup", env.name(), record.stateAddresses(), e);
    } catch (IOException e) {
      throw HactlException.failure("cannot create a backup of " + env.name() + ": "
          + e.getMessage() + (downloadTo == null ? "" : " (downloading to " + downloadTo + ")"),
          e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  @Override
  public List<BackupMetadata> list() throws HactlException {
    List<BackupMetadata> backups = withBackups("list backups", BackupStore::list);
    try {
      syncSchedule(state.store());
    } catch (HactlException | StateException e) {
      // Listing succeeded; the schedule is written again by the next backup command.
    }
    return backups;
  }

  @Override
  public BackupMetadata show(String id) throws HactlException {
    return withBackups("show backup " + id, b -> b.find(id)).orElseThrow(() -> noSuch(id));
  }

  @Override
  public Path download(String id, Path target) throws HactlException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      boolean found = withBackups("download backup " + id, b -> {
        try (OutputStream out = ownerOnly(temp)) {
          return b.copyTo(id, out);
        }
      });
      if (!found) {
        throw noSuch(id);
      }
      BackupArchive.readMetadata(temp);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (InvalidBackupException e) {
      throw HactlException.failure("cannot download backup " + id + ": the copy kept by the"
          + " controllers " + e.getMessage(), e);
    } catch (IOException e) {
      throw HactlException.failure("cannot download backup " + id + " to " + target + ": "
          + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public BackupMetadata upload(Path file) throws HactlException {
    BackupMetadata metadata;
    try {
      metadata = BackupArchive.readMetadata(file);
    } catch (InvalidBackupException e) {
      throw HactlException.badInput("cannot upload " + file + ": " + e.getMessage());
    }
    EnvironmentRecordFile record = env.requireBootstrapped();
    if (!metadata.environmentUuid().equals(record.uuid())) {
      throw HactlException.badInput("cannot upload " + file + ": it is a backup of environment "
          + metadata.environmentName() + " (" + metadata.environmentUuid() + "), not of "
          + env.name() + " (" + record.uuid() + ")");
    }
    withBackups("upload backup " + metadata.id(), b -> {
      b.save(metadata, file);
      return null;
    });
    return metadata;
  }

  @Override
  public void remove(String id) throws HactlException {
    if (!withBackups("remove backup " + id, b -> b.remove(id))) {
      throw noSuch(id);
    }
  }

  @Override
  public List<String> keepLatest(int count) throws HactlException {
    if (count < 0) {
      throw HactlException.badInput("cannot keep the latest " + count
          + " backups: the count must be 0 or more");
    }
    return withBackups("remove old backups", b -> prune(b, count));
  }

  @Override
  public RestoreResult restore(RestoreRequest request) throws HactlException {
    Path file = request.file();
    Path fetched = null;
    try {
      if (file == null) {
        fetched = Files.createTempFile(env.store().environmentDirectory(env.name()),
            ".restore-", ".zip");
        file = fetched;
        new KeptBackupFetcher(env).fetch(request.id(), fetched);
      }
      return new RestoreOperation(env, clock).restore(file, request);
    } catch (IOException e) {
      throw HactlException.failure("cannot restore backup " + request.id() + ": cannot write a"
          + " temporary copy: " + e.getMessage(), e);
    } finally {
      if (fetched != null) {
        deleteQuietly(fetched);
      }
    }
  }

  /**
   * The master reads {@code backup-schedule} and {@code backup-keep} from state: bootstrap and
   * restore write them, and backup commands write them again when environments.yaml changed.
   */
  private void syncSchedule(StateStore store) {
    BackupSchedule wanted = BackupSchedule.of(env.config());
    if (!wanted.equals(store.backupSchedule())) {
      store.setBackupSchedule(wanted);
    }
  }

  /** Keeps the newest {@code count} backups; returns the ids removed, oldest first. */
  private static List<String> prune(BackupStore backups, int count) {
    List<BackupMetadata> newestFirst = backups.list();
    List<String> removed = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= count; i--) {
      String id = newestFirst.get(i).id();
      backups.remove(id);
      removed.add(id);
    }
    return removed;
  }

  private EnvironmentRecordFile requireQuorum(String action) throws HactlException {
    EnvironmentRecordFile record = env.requireBootstrapped();
    HactlException noQuorum =
        QuorumProbe.refuseWithoutQuorum(action, env.name(), record.stateAddresses());
    if (noQuorum != null) {
      throw noQuorum;
    }
    return record;
  }

  private <T> T withBackups(String action, BackupAction<T> body) throws HactlException {
    EnvironmentRecordFile record = requireQuorum(action);
    try (BackupStore backups = BackupStores.backups(env.endpoint(record))) {
      return body.apply(backups);
    } catch (StateException e) {
      throw QuorumProbe.explain(action, env.name(), record.stateAddresses(), e);
    } catch (IOException e) {
      throw HactlException.failure("cannot " + action + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface BackupAction<T> {
    T apply(BackupStore backups) throws IOException, HactlException;
  }

  private HactlException noSuch(String id) {
    return HactlException.badInput("no backup " + id + " in environment " + env.name()
        + (BackupFormat.isId(id) ? "" : " (ids look like 20240101-120000.<uuid>)")
        + "; run `hactl backups` to list them");
  }

  /** The machine whose member is primary: the controller the dump is read through. */
  private static String primaryMachine(List<MemberView> members, List<Machine> machines) {
    String primary = members.stream().filter(m -> "PRIMARY".equals(m.state()))
        .map(MemberView::address).findFirst().orElse(null);
    return machines.stream().filter(m -> Objects.equals(m.stateAddress(), primary))
        .map(Machine::id).findFirst().orElse(null);
  }

  static String hactlVersion() {
    String version = DefaultBackupService.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  static OutputStream ownerOnly(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    return Files.newOutputStream(file);
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temporary file is harmless; the next run replaces it.
    }
  }

  @Override
  public void close() {
    state.close();
  }
}
