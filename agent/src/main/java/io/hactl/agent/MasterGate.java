package io.hactl.agent;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the master-only workers while, and only while, this controller is the master: its
 * member is PRIMARY and it holds that primary's term in state (see {@link TermFence}). Each
 * tick first asks the local member whether it is primary and in which term, then claims the
 * term: a deposed master stops acting at its next tick, and a master whose term another one
 * has claimed since never starts a round. Between ticks the workers' writes are fenced by their
 * connection (to this member only, so they fail once it is no longer primary) and their
 * provider calls by the fence. One thread calls {@link #run()}; the workers share it.
 */
final class MasterGate implements Runnable {

  /** One round of a master-only worker: observe, plan, apply. */
  interface Round {
    void run() throws Exception;
  }

  /** A master-only worker, named for the log. */
  record MasterWorker(String name, Round round) {}

  /** What the local replica-set member says about itself. */
  interface Leadership {
    boolean isPrimary();

    /** The member's current election term. */
    long term();
  }

  private static final Logger LOG = LoggerFactory.getLogger(MasterGate.class);

  private final Leadership leadership;
  private final TermFence fence;
  private final List<MasterWorker> workers;
  private final String machineId;
  private final Runnable onElected;
  private boolean master;
  private long term = -1;

  /**
   * @param onElected called on this thread each time this controller becomes the master (or is
   *     elected again in a later term), before its workers run (e.g. to record the election)
   */
  MasterGate(String machineId, Leadership leadership, TermFence fence,
      List<MasterWorker> workers, Runnable onElected) {
    this.machineId = machineId;
    this.leadership = leadership;
    this.fence = fence;
    this.workers = List.copyOf(workers);
    this.onElected = onElected;
  }

  @Override
  public void run() {
    boolean primary = leadership.isPrimary();
    long current = primary ? leadership.term() : -1;
    TermFence.Claim claim = primary ? fence.hold(current) : TermFence.Claim.SUPERSEDED;
    if (claim == TermFence.Claim.UNCONFIRMED) {
      // A slow or refused write says nothing about another master: skip this round without
      // counting it as a change of master (a loaded machine would otherwise see flapping).
      LOG.debug("machine {} cannot confirm term {} this round: master workers wait", machineId,
          current);
      return;
    }
    boolean holds = claim == TermFence.Claim.HELD;
    if (holds != master || (holds && current != term)) {
      if (holds) {
        LOG.info("machine {} is now the master (term {}): starting master workers", machineId,
            current);
        try {
          onElected.run();
        } catch (RuntimeException e) {
          LOG.warn("cannot record the election of machine {}: {}", machineId, e.getMessage());
        }
      } else if (primary) {
        LOG.warn("machine {} is primary in term {} but a newer master holds the term:"
            + " master workers stopped", machineId, current);
      } else {
        LOG.info("machine {} is no longer the master: master workers stopped", machineId);
      }
      master = holds;
      term = holds ? current : -1;
    }
    if (!holds) {
      return;
    }
    for (MasterWorker worker : workers) {
      // A later election (even of this member again) starts over at the next tick.
      if (!leadership.isPrimary() || leadership.term() != term) {
        return;
      }
      try {
        worker.round().run();
      } catch (Exception e) {
        // A failed round is retried on the next tick; the worker keeps its own backoff.
        LOG.warn("{} round failed: {}", worker.name(), e.getMessage());
      }
    }
  }

  boolean isMaster() {
    return master;
  }

  /** The term this controller is master in, or -1 while it is not the master. */
  long term() {
    return term;
  }
}
