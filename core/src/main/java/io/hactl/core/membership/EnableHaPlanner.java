package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans what {@code enable-ha [-n N] [--to a,b]} changes in the controller set. Pure: no I/O,
 * no clock, stateless and thread-safe.
 *
 * <p>The target N is odd, 3 to 7; with {@code -n 0} it is the number of controllers that want a
 * vote, rounded up to odd and at least 3. It counts every controller wanting a vote, up or down:
 * a down one is replaced, so counting only the available ones would quietly shrink the set
 * (5 wanted with 2 down would plan 3). N may not be below that count: shrinking goes through
 * backup and restore.
 *
 * <p>Each controller is classified by availability (see {@link Availability}) and votes:
 *
 * <table>
 *   <caption>classification</caption>
 *   <tr><th>available</th><th>wants vote</th><th>has vote</th><th>outcome</th></tr>
 *   <tr><td>yes</td><td>yes</td><td>any</td><td>maintain</td></tr>
 *   <tr><td>yes</td><td>no</td><td>any</td><td>promote if needed, else maintain</td></tr>
 *   <tr><td>no</td><td>yes</td><td>any</td><td>demote (and replace)</td></tr>
 *   <tr><td>no</td><td>no</td><td>yes</td><td>maintain until the peer grouper removes its vote</td>
 *   </tr>
 *   <tr><td>no</td><td>no</td><td>no</td><td>remove from the controller set</td></tr>
 * </table>
 *
 * <p>The shortfall between N and the available controllers wanting a vote is filled by
 * promotions (lowest ids first), then {@code --to} conversions in the order given, then new
 * machines. Invariants: after applying, exactly N controllers want a vote and all of them were
 * available or are new; an available controller is never demoted or removed; planning again on
 * the applied state only maintains (idempotence).
 */
public final class EnableHaPlanner {

  /** MongoDB allows at most 7 voting members. */
  public static final int MAX_CONTROLLERS = 7;

  /** What {@code enable-ha} gives a single-controller environment. */
  public static final int DEFAULT_CONTROLLERS = 3;

  /**
   * Plans one enable-ha run.
   *
   * @throws InvalidHaRequestException when N is even, negative, above 7 or below the current
   *     count, or when {@code --to} names a controller, an unknown machine, a machine twice, or
   *     more machines than are needed
   */
  public EnableHaPlan plan(EnableHaRequest request, EnableHaObservation observed)
      throws InvalidHaRequestException {
    int requested = request.requested();
    if (requested < 0 || (requested != 0 && requested % 2 == 0)) {
      throw new InvalidHaRequestException(
          "must specify a number of controllers odd and non-negative");
    }
    if (requested > MAX_CONTROLLERS) {
      throw new InvalidHaRequestException(
          "controller count is too large (allowed " + MAX_CONTROLLERS + ")");
    }
    List<ControllerView> controllers = new ArrayList<>(observed.controllers());
    controllers.sort((a, b) -> MachineIdOrder.compare(a.machineId(), b.machineId()));
    int wanted = (int) controllers.stream().filter(ControllerView::wantsVote).count();
    int target = requested != 0 ? requested : defaultCount(wanted);
    if (target < wanted) {
      throw new InvalidHaRequestException("cannot reduce controller count from " + wanted
          + " to " + target + "; to shrink, create a backup and restore it into a new"
          + " environment, then run enable-ha -n " + target);
    }
    checkPlacement(request.placement(), controllers, observed.convertible());

    List<String> maintained = new ArrayList<>();
    List<String> candidates = new ArrayList<>();
    List<String> demoted = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    int voters = 0;
    for (ControllerView c : controllers) {
      if (c.available() && c.wantsVote()) {
        maintained.add(c.machineId());
        voters++;
      } else if (c.available()) {
        candidates.add(c.machineId());
      } else if (c.wantsVote()) {
        demoted.add(c.machineId());
      } else if (c.hasVote()) {
        maintained.add(c.machineId());
      } else {
        removed.add(c.machineId());
      }
    }
    int shortfall = target - voters;
    int promotions = Math.min(shortfall, candidates.size());
    List<String> promoted = List.copyOf(candidates.subList(0, promotions));
    // Candidates not needed stay as non-voting controllers: nothing changes for them.
    maintained.addAll(candidates.subList(promoted.size(), candidates.size()));
    shortfall -= promoted.size();
    List<String> converted = request.placement();
    if (converted.size() > shortfall) {
      throw new InvalidHaRequestException("cannot convert machines " + String.join(", ", converted)
          + ": " + shortfall + " more controller(s) are needed to reach " + target
          + "; ask for more with -n");
    }
    return new EnableHaPlan(target, MachineIdOrder.sorted(maintained),
        shortfall - converted.size(), removed, promoted, demoted, converted);
  }

  /** The wanted count rounded up to odd, at least {@link #DEFAULT_CONTROLLERS}. */
  static int defaultCount(int wanted) {
    int odd = wanted % 2 == 0 ? wanted + 1 : wanted;
    return Math.max(DEFAULT_CONTROLLERS, odd);
  }

  private static void checkPlacement(List<String> placement, List<ControllerView> controllers,
      Set<String> convertible) throws InvalidHaRequestException {
    Set<String> controllerIds =
        controllers.stream().map(ControllerView::machineId).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    for (String id : placement) {
      if (controllerIds.contains(id)) {
        throw new InvalidHaRequestException(
            "cannot convert machine " + id + " with --to: it is already a controller");
      }
      if (!convertible.contains(id)) {
        throw new InvalidHaRequestException("cannot convert machine " + id
            + " with --to: no such alive, provisioned machine; see status for machine ids");
      }
      if (!seen.add(id)) {
        throw new InvalidHaRequestException(
            "cannot convert machine " + id + " with --to: it is named twice");
      }
    }
  }
}
