package io.hactl.core.membership;

import java.util.ArrayList;
import java.util.List;

/**
 * What enable-ha reports, in Juju's shape; the yaml/json keys are the component names.
 *
 * @param maintained controllers left as they are
 * @param added ids of the machines created as new controllers
 * @param removed controllers that lose the controller job
 * @param promoted controllers that start wanting a vote
 * @param demoted controllers that stop wanting a vote
 * @param converted existing machines made controllers
 */
public record EnableHaResult(
    List<String> maintained,
    List<String> added,
    List<String> removed,
    List<String> promoted,
    List<String> demoted,
    List<String> converted) {

  public EnableHaResult {
    maintained = List.copyOf(maintained);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    promoted = List.copyOf(promoted);
    demoted = List.copyOf(demoted);
    converted = List.copyOf(converted);
  }

  /**
   * The {@code simple} format: one line per non-empty list, in Juju's order (maintaining,
   * adding, removing, promoting, demoting, converting), e.g. {@code adding machines: 1, 2}.
   * Lines are separated by {@code \n}; no trailing newline; empty when every list is empty.
   */
  public String render() {
    List<String> lines = new ArrayList<>();
    line(lines, "maintaining", maintained);
    line(lines, "adding", added);
    line(lines, "removing", removed);
    line(lines, "promoting", promoted);
    line(lines, "demoting", demoted);
    line(lines, "converting", converted);
    return String.join("\n", lines);
  }

  private static void line(List<String> lines, String verb, List<String> ids) {
    if (!ids.isEmpty()) {
      lines.add(verb + " machines: " + String.join(", ", ids));
    }
  }
}
