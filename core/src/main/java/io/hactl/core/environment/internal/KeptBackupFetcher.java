package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupStore;
import io.hactl.core.membership.Quorum;
import io.hactl.core.state.BackupStores;
import io.hactl.core.state.StateException;
import io.hactl.core.store.EnvironmentRecordFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Copies a backup kept by the controllers to a local file for a restore. With a quorum it reads
 * through the primary; without one (the case restore exists for) it reads the copy of any
 * controller that still answers, since every controller keeps every backup.
 */
final class KeptBackupFetcher {

  private static final Duration MEMBER_TIMEOUT = Duration.ofSeconds(5);

  private final EnvironmentContext env;

  KeptBackupFetcher(EnvironmentContext env) {
    this.env = env;
  }

  void fetch(String id, Path target) throws HactlException {
    EnvironmentRecordFile record = env.requireBootstrapped();
    List<String> controllers = record.stateAddresses();
    List<String> answering = ControllerProbe.answeringForQuorum(controllers);
    if (answering.isEmpty()) {
      throw HactlException.badInput("cannot restore backup " + id + ": no controller of "
          + env.name() + " answers, so the backups they keep cannot be read; restore from a"
          + " downloaded file with --file");
    }
    boolean quorum = new Quorum(controllers.size(), answering.size()).holds();
    StateException last = null;
    for (String member : quorum ? List.<String>of() : answering) {
      try (BackupStore backups = BackupStores.backupsOnMember(member, MEMBER_TIMEOUT,
          env.credentials())) {
        if (copy(backups, id, target)) {
          return;
        }
      } catch (StateException e) {
        last = e;
      }
    }
    if (quorum) {
      try (BackupStore backups = BackupStores.backups(env.endpoint(record))) {
        if (copy(backups, id, target)) {
          return;
        }
      } catch (StateException e) {
        last = e;
      }
    }
    if (last != null) {
      throw HactlException.failure("cannot restore backup " + id + ": cannot read it from the"
          + " controllers: " + last.getMessage() + "; restore from a downloaded file with"
          + " --file", last);
    }
    throw HactlException.badInput("cannot restore backup " + id + ": no backup with that id in "
        + env.name() + "; run `hactl backups` to list them, or use --file");
  }

  private static boolean copy(BackupStore backups, String id, Path target)
      throws HactlException {
    try (OutputStream out = DefaultBackupService.ownerOnly(target)) {
      return backups.copyTo(id, out);
    } catch (IOException e) {
      throw HactlException.failure("cannot restore backup " + id + ": cannot write " + target
          + ": " + e.getMessage(), e);
    }
  }
}
