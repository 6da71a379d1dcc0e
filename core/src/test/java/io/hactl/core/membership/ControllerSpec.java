package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A compact notation for enable-ha test tables: {@code "0AWH 1AW 2WH 3"} lists controllers by id
 * with flags A (available), W (wants a vote), H (has a vote). It also applies plans, standing in
 * for the state writes the real enable-ha makes, so tests can run sessions of several runs.
 */
final class ControllerSpec {

  private final TreeMap<String, ControllerView> controllers = new TreeMap<>(MachineIdOrder.ORDER);
  private final Set<String> convertible;
  private int nextId;

  private ControllerSpec(List<ControllerView> controllers, Set<String> convertible) {
    controllers.forEach(c -> this.controllers.put(c.machineId(), c));
    this.convertible = new HashSet<>(convertible);
    nextId = 1 + Stream.concat(this.controllers.keySet().stream(),
        convertible.stream()).mapToInt(Integer::parseInt).max().orElse(-1);
  }

  static ControllerSpec of(String spec, String... convertible) {
    return new ControllerSpec(parse(spec), Set.of(convertible));
  }

  static List<ControllerView> parse(String spec) {
    List<ControllerView> views = new ArrayList<>();
    for (String token : spec.trim().split("\\s+")) {
      String id = token.replaceAll("[^0-9]", "");
      String flags = token.replaceAll("[0-9]", "");
      views.add(new ControllerView(id, flags.contains("W"), flags.contains("H"),
          flags.contains("A")));
    }
    return views;
  }

  EnableHaObservation observation() {
    return new EnableHaObservation(List.copyOf(controllers.values()), convertible);
  }

  /** Plans, allocates ids for new machines the way state does, applies, returns what it says. */
  EnableHaResult enableHa(EnableHaRequest request) throws InvalidHaRequestException {
    EnableHaPlan plan = new EnableHaPlanner().plan(request, observation());
    List<String> newIds = new ArrayList<>();
    for (int i = 0; i < plan.newMachines(); i++) {
      newIds.add(Integer.toString(nextId++));
    }
    for (ControllerChange change : plan.changes()) {
      ControllerView old = controllers.get(change.machineId());
      if (!change.controller()) {
        controllers.remove(change.machineId());
      } else if (old == null) {
        convertible.remove(change.machineId());
        controllers.put(change.machineId(),
            new ControllerView(change.machineId(), change.wantsVote(), false, true));
      } else {
        controllers.put(change.machineId(), new ControllerView(
            old.machineId(), change.wantsVote(), old.hasVote(), old.available()));
      }
    }
    // A new machine has not beaten yet but is within its start-up grace: available.
    newIds.forEach(id -> controllers.put(id, new ControllerView(id, true, false, true)));
    return plan.withNewMachineIds(newIds);
  }

  /** Changes facts the way time and the peer grouper would, e.g. {@code set("0", "WH")}. */
  ControllerSpec set(String id, String flags) {
    controllers.put(id, new ControllerView(id, flags.contains("W"), flags.contains("H"),
        flags.contains("A")));
    return this;
  }

  /** The controllers in the notation, e.g. {@code "0AWH 1AW"}. */
  String describe() {
    StringBuilder out = new StringBuilder();
    for (ControllerView c : controllers.values()) {
      out.append(out.length() == 0 ? "" : " ").append(c.machineId())
          .append(c.available() ? "A" : "").append(c.wantsVote() ? "W" : "")
          .append(c.hasVote() ? "H" : "");
    }
    return out.toString();
  }

  static String lines(String rendered) {
    return String.join(" | ", Arrays.asList(rendered.split("\n")));
  }
}
