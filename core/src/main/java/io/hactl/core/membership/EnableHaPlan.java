package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one enable-ha run intends, before new machine ids exist.
 *
 * <p>Invariants: every id appears in at most one list; {@code maintained}, {@code removed},
 * {@code promoted} and {@code demoted} are in numeric id order; {@code converted} keeps the
 * {@code --to} order; after applying, the controllers wanting a vote number exactly {@code
 * controllers} (maintained voters + promoted + converted + new machines).
 *
 * @param controllers the number of voting controllers the environment will want (3, 5 or 7)
 * @param maintained controllers left as they are
 * @param newMachines how many machines to create as controllers wanting a vote
 * @param removed controllers that lose the controller job (down, neither wanting nor having a vote)
 * @param promoted available controllers that start wanting a vote
 * @param demoted down controllers that stop wanting a vote (their replacements are added)
 * @param converted existing machines that become controllers wanting a vote ({@code --to})
 */
public record EnableHaPlan(
    int controllers,
    List<String> maintained,
    int newMachines,
    List<String> removed,
    List<String> promoted,
    List<String> demoted,
    List<String> converted) {

  public EnableHaPlan {
    maintained = List.copyOf(maintained);
    removed = List.copyOf(removed);
    promoted = List.copyOf(promoted);
    demoted = List.copyOf(demoted);
    converted = List.copyOf(converted);
    if (newMachines < 0) {
      throw new IllegalArgumentException("newMachines must not be negative: " + newMachines);
    }
  }

  /** True when applying the plan would change nothing: a repeated enable-ha. */
  public boolean onlyMaintains() {
    return newMachines == 0
        && removed.isEmpty()
        && promoted.isEmpty()
        && demoted.isEmpty()
        && converted.isEmpty();
  }

  /**
   * The record changes for existing machines, in numeric id order. New machines are not listed:
   * each of the {@link #newMachines()} is created with the controller job and wants-vote true.
   */
  public List<ControllerChange> changes() {
    List<ControllerChange> changes = new ArrayList<>();
    promoted.forEach(id -> changes.add(new ControllerChange(id, true, true)));
    converted.forEach(id -> changes.add(new ControllerChange(id, true, true)));
    demoted.forEach(id -> changes.add(new ControllerChange(id, true, false)));
    removed.forEach(id -> changes.add(new ControllerChange(id, false, false)));
    changes.sort((a, b) -> MachineIdOrder.compare(a.machineId(), b.machineId()));
    return List.copyOf(changes);
  }

  /**
   * The result to show, once the caller has allocated ids for the new machines.
   *
   * @param newMachineIds exactly {@link #newMachines()} ids, as allocated (any order)
   */
  public EnableHaResult withNewMachineIds(List<String> newMachineIds) {
    Objects.requireNonNull(newMachineIds, "newMachineIds");
    if (newMachineIds.size() != newMachines) {
      throw new IllegalArgumentException(
          "plan adds " + newMachines + " machines but " + newMachineIds.size() + " ids were given");
    }
    return new EnableHaResult(
        maintained, MachineIdOrder.sorted(newMachineIds), removed, promoted, demoted, converted);
  }
}
