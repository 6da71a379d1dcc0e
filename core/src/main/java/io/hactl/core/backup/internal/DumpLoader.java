package io.hactl.core.backup.internal;

import io.hactl.core.backup.BackupIdentity;
import io.hactl.core.backup.StateDump;
import io.hactl.core.state.BackupStores;
import io.hactl.core.state.EnvironmentRecord;
import io.hactl.core.state.Event;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Loads a verified archive into a new controller's empty database while that controller's
 * master workers already run, so the order of the loads is what keeps them from acting on a
 * half-loaded state:
 *
 * <ol>
 *   <li>{@code machines}, without the old controllers: while the counter is still absent the
 *       provisioner stops nothing, and the peer grouper never sees the old members;
 *   <li>{@code counters} and {@code environment} as they were;
 *   <li>the new controller's record, with the machine counter moved past its id
 *       ({@link StateStore#initialize}); from here the provisioner stops instances of machines
 *       the backup does not know, and starts machines that never had an instance;
 *   <li>every other collection (events, logs, ...); heartbeats are skipped (liveness is not
 *       state: restored machines show as down until their agents beat again), and so is the
 *       master's claimed term, which belongs to the old replica set.
 * </ol>
 *
 * A document already present (the new agent's first logs or events) is kept; one with the same
 * id is replaced by the backup's.
 */
public final class DumpLoader {

  /**
   * Heartbeats are liveness, not state; the master's claimed term belongs to the old replica
   * set, whose terms a new set does not continue (restoring it would fence out the new master).
   */
  private static final List<String> SKIPPED = List.of("heartbeats", "master-term");
  private static final List<String> FIRST = List.of("machines", "counters", "environment");

  private final StateEndpoint endpoint;
  private final Clock clock;

  public DumpLoader(StateEndpoint endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.clock = clock;
  }

  /**
   * Loads the archive and records the new controller.
   *
   * @param controller the new controller, with an id at or above the backup's machine counter
   * @return every machine id in state afterwards
   */
  public List<String> load(BackupArchive archive, BackupIdentity identity, Machine controller)
      throws IOException {
    long next = ArchivedMachines.nextMachineId(archive);
    if (Long.parseLong(controller.id()) < next) {
      // Its id would collide with a machine of the backup, and the counter would go back.
      throw new IllegalArgumentException("the new controller's id " + controller.id()
          + " is below the backup's machine counter " + next);
    }
    List<String> collections = archive.metadata().collections();
    try (StateDump dump = BackupStores.dump(endpoint);
        StateStore state = StateStores.connect(endpoint)) {
      if (collections.contains("machines")) {
        try (BackupArchive.DocumentLines lines = archive.documents("machines")) {
          dump.loadMachines(archive.indexes("machines"), lines, m -> !m.isController());
        }
      }
      for (String collection : List.of("counters", "environment")) {
        if (collections.contains(collection)) {
          load(dump, archive, collection);
        }
      }
      state.initialize(new EnvironmentRecord(identity.uuid(), identity.name(),
          identity.provider(), identity.replicaSet()), controller);
      for (String collection : collections) {
        if (!FIRST.contains(collection) && !SKIPPED.contains(collection)) {
          load(dump, archive, collection);
        }
      }
      state.recordEvent(new Event(clock.instant(), "restore", controller.id(),
          "restored backup " + archive.metadata().id() + " into new controller machine "
              + controller.id()));
      return state.machines().stream().map(Machine::id).toList();
    }
  }

  private static void load(StateDump dump, BackupArchive archive, String collection)
      throws IOException {
    try (BackupArchive.DocumentLines lines = archive.documents(collection)) {
      dump.load(collection, archive.indexes(collection), lines);
    }
  }
}
