package io.hactl.agent;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the master-only workers while, and only while, this controller's member is PRIMARY. Each
 * tick first asks the local member whether it is primary: a deposed master stops acting at its
 * next tick, and every write it had in flight goes through the replicated log, which a deposed
 * leader cannot commit. One thread calls {@link #run()}; the workers share it.
 */
final class MasterGate implements Runnable {

  /** One round of a master-only worker: observe, plan, apply. */
  interface Round {
    void run() throws Exception;
  }

  /** A master-only worker, named for the log. */
  record MasterWorker(String name, Round round) {}

  private static final Logger LOG = LoggerFactory.getLogger(MasterGate.class);

  private final BooleanSupplier isPrimary;
  private final List<MasterWorker> workers;
  private final String machineId;
  private final Runnable onElected;
  private boolean master;

  /**
   * @param onElected called on this thread each time this controller becomes the master,
   *     before its workers run (e.g. to record the election)
   */
  MasterGate(String machineId, BooleanSupplier isPrimary, List<MasterWorker> workers,
      Runnable onElected) {
    this.machineId = machineId;
    this.isPrimary = isPrimary;
    this.workers = List.copyOf(workers);
    this.onElected = onElected;
  }

  @Override
  public void run() {
    boolean primary = isPrimary.getAsBoolean();
    if (primary != master) {
      master = primary;
      LOG.info(primary ? "machine {} is now the master: starting master workers"
          : "machine {} is no longer the master: master workers stopped", machineId);
      if (primary) {
        try {
          onElected.run();
        } catch (RuntimeException e) {
          LOG.warn("cannot record the election of machine {}: {}", machineId, e.getMessage());
        }
      }
    }
    if (!primary) {
      return;
    }
    for (MasterWorker worker : workers) {
      if (!isPrimary.getAsBoolean()) {
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
}
