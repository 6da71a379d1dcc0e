package io.hactl.core.backup.internal;

import io.hactl.core.backup.StateDump;
import io.hactl.core.backup.internal.ArchivedMachines.ArchivedMachine;
import io.hactl.core.state.Event;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads a verified archive into the running controllers of the same environment
 * ({@code restore-backup} without {@code -b}), while their master's workers keep running. The
 * running controllers stay exactly as they are (their records are the live replica set); the
 * rest of state returns to the backup's:
 *
 * <ol>
 *   <li>plain machines the backup does not know are removed first, so the master's provisioner
 *       stops their instances as for any removed machine;
 *   <li>the backup's plain machines are loaded over the current records (a machine that has
 *       since become a controller keeps its controller record); the old controllers recorded
 *       in the backup are not loaded, so the peer grouper never sees them;
 *   <li>every other collection is loaded over what is there (events and logs merge: the
 *       history since the backup stays readable); the machine counter and the controller-set
 *       version are kept, since ids are never reused and the environment only moved on since;
 *       heartbeats and the master's term belong to the running set and are kept.
 * </ol>
 */
public final class InPlaceLoader {

  /** Kept as they are: see the class comment. */
  private static final List<String> KEPT =
      List.of("machines", "counters", "environment", "heartbeats", "master-term");

  private final Clock clock;

  public InPlaceLoader(Clock clock) {
    this.clock = clock;
  }

  /** What changed. */
  public record Loaded(List<String> removedMachines, List<String> stoppingInstances,
      List<String> controllers, List<String> machines) {}

  /**
   * @param state and {@code dump}: connections to the running replica set's primary
   */
  public Loaded load(BackupArchive archive, StateStore state, StateDump dump)
      throws IOException {
    List<Machine> current = state.machines();
    Set<String> controllers = current.stream().filter(Machine::isController)
        .map(Machine::id).collect(Collectors.toSet());
    Set<String> restoredPlain = ArchivedMachines.read(archive).stream()
        .filter(m -> !m.controller() && !controllers.contains(m.id()))
        .map(ArchivedMachine::id).collect(Collectors.toSet());

    List<String> removed = new ArrayList<>();
    List<String> stopping = new ArrayList<>();
    for (Machine m : current) {
      if (!m.isController() && !restoredPlain.contains(m.id())) {
        state.removeMachine(m.id());
        removed.add(m.id());
        if (m.instanceId() != null) {
          stopping.add(m.instanceId());
        }
      }
    }
    List<String> collections = archive.metadata().collections();
    if (collections.contains("machines")) {
      try (BackupArchive.DocumentLines lines = archive.documents("machines")) {
        dump.loadMachines(archive.indexes("machines"), lines,
            m -> !m.isController() && !controllers.contains(m.id()));
      }
    }
    for (String collection : collections) {
      if (!KEPT.contains(collection)) {
        try (BackupArchive.DocumentLines lines = archive.documents(collection)) {
          dump.load(collection, archive.indexes(collection), lines);
        }
      }
    }
    List<String> sortedControllers = controllers.stream().sorted(Machine::compareIds).toList();
    state.recordEvent(new Event(clock.instant(), "restore", null, "restored backup "
        + archive.metadata().id() + " into the running controllers (machines "
        + String.join(", ", sortedControllers) + ")"
        + (removed.isEmpty() ? "" : "; removed machines " + String.join(", ", removed))));
    return new Loaded(removed, stopping, sortedControllers,
        state.machines().stream().map(Machine::id).toList());
  }
}
