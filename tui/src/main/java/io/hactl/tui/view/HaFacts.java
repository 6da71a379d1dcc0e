package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;

/**
 * The HA numbers the header shows, read off a snapshot: how many controllers vote, how many of
 * them are up, and how many more could be lost before the replica set loses its majority. A view
 * of core's facts, not a decision: the replica set's rule (a majority of voters) is restated here
 * only to say it in words.
 *
 * @param voters controllers whose member votes in the replica set's configuration now (one still
 *     being added is not counted until it votes: it cannot help a majority before)
 * @param up voters whose agent is started and whose member is not down
 */
public record HaFacts(int voters, int up) {

  public static HaFacts of(EnvironmentStatus status) {
    int voters = 0;
    int up = 0;
    for (MachineStatus controller : status.controllers()) {
      if (controller.member() != null && controller.member().hasVote()) {
        voters++;
        if ("started".equals(controller.agentState())
            && States.member(controller.member().state()) != Style.DOWN) {
          up++;
        }
      }
    }
    return new HaFacts(voters, up);
  }

  /** Votes a majority needs. */
  public int needed() {
    return voters / 2 + 1;
  }

  /** {@code HA 3/3}, or {@code HA none} with a single voter. */
  public String summary() {
    return voters <= 1 ? "HA none" : "HA " + up + "/" + voters;
  }

  /** How many more voters may go down while a majority remains; negative without quorum. */
  public int margin() {
    return up - needed();
  }

  /** The quorum margin in words: "can lose 1 controller", "cannot lose a controller", ... */
  public String marginText() {
    if (voters == 0) {
      return "no voting controller";
    }
    int margin = margin();
    if (margin < 0) {
      return "NO QUORUM: " + up + " of " + voters + " voters up, " + needed() + " needed";
    }
    if (margin == 0) {
      return "cannot lose a controller";
    }
    return "can lose " + margin + (margin == 1 ? " controller" : " controllers");
  }

  public Style style() {
    if (voters <= 1) {
      return up == voters ? Style.DIM : Style.DOWN;
    }
    if (margin() < 0) {
      return Style.DOWN;
    }
    return up == voters ? Style.GOOD : Style.WARNING;
  }
}
