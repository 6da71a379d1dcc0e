package io.hactl.agent;

import io.hactl.core.HactlException;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;

/**
 * Fences a master's side effects by the replica set's term. When its member becomes primary in
 * term T, the master claims T in state ({@link StateStore#claimMasterTerm}); the next master
 * claims a higher term, after which every claim of the old one fails. Before each action that
 * state cannot undo (starting or stopping an instance) the master claims its term again, so a
 * deposed master, even one cut off from the others and still believing it is primary, cannot act:
 * its claim either finds the newer term or, through its own cut-off member, cannot reach a
 * majority at all.
 *
 * <p>The store given here is connected to this controller's own member only, so a claim, like
 * every write of the master's workers, succeeds only while that member is the primary.
 */
final class TermFence {

  private final String machineId;
  private final StateStore state;
  private volatile long term = -1;

  TermFence(String machineId, StateStore state) {
    this.machineId = machineId;
    this.state = state;
  }

  /** What a claim found. */
  enum Claim {
    /** This machine holds the term: it is the master. */
    HELD,
    /** Another master holds this or a newer term: this one was deposed. */
    SUPERSEDED,
    /**
     * The claim could not be written (no answer in time, or the member refused it): this
     * machine must not act this round, but nothing says another master took over.
     */
    UNCONFIRMED
  }

  /** Claims {@code newTerm} for this machine; later {@link #check}s claim it again. */
  Claim hold(long newTerm) {
    term = newTerm;
    try {
      return state.claimMasterTerm(machineId, newTerm) ? Claim.HELD : Claim.SUPERSEDED;
    } catch (StateException e) {
      return Claim.UNCONFIRMED;
    }
  }

  /** The term last claimed by {@link #hold}, or -1 before the first. */
  long term() {
    return term;
  }

  /**
   * Proves this machine is still the master before a side effect: claims its term again.
   *
   * @throws HactlException when it was deposed, or cannot prove it is not
   */
  void check(String action) throws HactlException {
    long held = term;
    boolean holds;
    try {
      holds = held >= 0 && state.claimMasterTerm(machineId, held);
    } catch (StateException e) {
      throw HactlException.failure("machine " + machineId + " did not " + action + ": it cannot"
          + " confirm it is still the master (term " + held + "): " + e.getMessage(), e);
    }
    if (!holds) {
      throw HactlException.failure("machine " + machineId + " did not " + action + ": it is no"
          + " longer the master (its term " + held + " was superseded)", null);
    }
  }
}
