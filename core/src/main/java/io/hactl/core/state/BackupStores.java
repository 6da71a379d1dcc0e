package io.hactl.core.state;

import io.hactl.core.backup.BackupStore;
import io.hactl.core.backup.StateDump;
import io.hactl.core.state.internal.MongoBackupStore;
import io.hactl.core.state.internal.MongoStateDump;
import java.time.Duration;

/** Opens the state-database ports backups need. Connections happen lazily. */
public final class BackupStores {

  private BackupStores() {}

  /** The state database as collections to dump and load, through the primary. */
  public static StateDump dump(StateEndpoint endpoint) {
    return MongoStateDump.connect(endpoint);
  }

  /** The backups the controllers keep, through the primary. */
  public static BackupStore backups(StateEndpoint endpoint) {
    return MongoBackupStore.connect(endpoint);
  }

  /** The backups as the one member at {@code address} holds them, for reading only. */
  public static BackupStore backupsOnMember(String address, Duration timeout) {
    return MongoBackupStore.connectMember(address, timeout, null);
  }

  /** As {@link #backupsOnMember(String, Duration)}, authenticating where a mongod needs it. */
  public static BackupStore backupsOnMember(String address, Duration timeout,
      StateCredentials credentials) {
    return MongoBackupStore.connectMember(address, timeout, credentials);
  }
}
