package io.hactl.core.backup;

import io.hactl.core.backup.internal.ArchiveWriter;
import io.hactl.core.state.BackupStores;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Makes a backup on a controller, for the master's {@link ScheduledBackupWorker}: the same
 * archive {@code create-backup} makes on a client (see {@code core/BACKUPS.md}), written to a
 * temporary file in the agent's data folder, stored on the controllers, then deleted. The
 * replica-set key is stored as is, as in a client's backup without a passphrase: the
 * controllers already hold it, and the archive is kept only in their state.
 *
 * @since issue 8
 */
public final class StateBackupMaker implements ScheduledBackupWorker.BackupMaker {

  private final StateEndpoint endpoint;
  private final StateStore state;
  private final BackupStore backups;
  private final String secret;
  private final String machineId;
  private final Path workDirectory;
  private final Clock clock;

  /**
   * @param endpoint the replica set to dump, through its primary
   * @param state read for the environment's identity and controller count
   * @param backups where the archive is stored
   * @param secret the replica set's key (from the agent's config; never logged)
   * @param machineId this controller, recorded as the backup's source
   * @param workDirectory where the archive is written before it is stored
   */
  public StateBackupMaker(StateEndpoint endpoint, StateStore state, BackupStore backups,
      String secret, String machineId, Path workDirectory, Clock clock) {
    this.endpoint = endpoint;
    this.state = state;
    this.backups = backups;
    this.secret = secret;
    this.machineId = machineId;
    this.workDirectory = workDirectory;
    this.clock = clock;
  }

  @Override
  public BackupMetadata make(String notes) throws IOException {
    EnvironmentRecord environment = state.environment().orElseThrow(() -> new StateException(
        "state holds no environment document", null));
    int controllers = (int) state.machines().stream().filter(Machine::isController).count();
    BackupIdentity identity = new BackupIdentity(environment.uuid(), environment.name(),
        environment.provider(), environment.replicaSet(), secret);
    ArchiveWriter.Details details =
        new ArchiveWriter.Details(version(), notes, machineId, controllers);
    Files.createDirectories(workDirectory);
    Path temp = Files.createTempFile(workDirectory, ".scheduled-backup-", ".zip");
    try (StateDump dump = BackupStores.dump(endpoint)) {
      BackupIds.awaitFreeSecond(backups, identity.uuid(), clock);
      BackupMetadata metadata =
          new ArchiveWriter(clock).write(temp, dump, identity, details, null);
      backups.save(metadata, temp);
      return metadata;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String version() {
    String version = StateBackupMaker.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
