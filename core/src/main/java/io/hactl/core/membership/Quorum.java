package io.hactl.core.membership;

import java.util.Collection;

/**
 * Whether the voting controllers can still elect a primary: more than half of the members
 * that have a vote must be available. enable-ha and remove-machine refuse without it (only a
 * restore from backup helps then), and status warns when one more loss would break it.
 *
 * @param voters controllers whose member has a vote
 * @param up how many of those are available
 */
public record Quorum(int voters, int up) {

  public Quorum {
    if (voters < 0 || up < 0 || up > voters) {
      throw new IllegalArgumentException("bad quorum counts: " + up + " up of " + voters);
    }
  }

  /** Counts the controllers with {@link ControllerView#hasVote()} and the available ones. */
  public static Quorum of(Collection<ControllerView> controllers) {
    int voters = 0;
    int up = 0;
    for (ControllerView c : controllers) {
      if (c.hasVote()) {
        voters++;
        up += c.available() ? 1 : 0;
      }
    }
    return new Quorum(voters, up);
  }

  /** The smallest majority of the voters. */
  public int needed() {
    return voters / 2 + 1;
  }

  public boolean holds() {
    return up >= needed();
  }

  /** True while quorum holds but losing one more available voter would break it. */
  public boolean oneLossFromBreaking() {
    return holds() && up - 1 < needed();
  }

  /**
   * The one-line refusal for a command that needs quorum, e.g. {@code "cannot enable-ha: only 1
   * of 3 voting controllers is up and 2 are needed to elect a primary; bring the down
   * controllers back, or restore a backup into a new environment"}.
   *
   * @param attempted what was refused, e.g. {@code "enable-ha"} or {@code "remove machine 2"}
   */
  public String refusal(String attempted) {
    return "cannot " + attempted + ": only " + up + " of " + voters + " voting controllers "
        + (up == 1 ? "is" : "are") + " up and " + needed() + " are needed to elect a primary;"
        + " bring the down controllers back, or restore a backup into a new environment";
  }
}
