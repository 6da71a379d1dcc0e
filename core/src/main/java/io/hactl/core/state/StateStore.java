package io.hactl.core.state;

import io.hactl.core.backup.BackupSchedule;
import io.hactl.plugin.api.Placement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment's state, kept in its replica set. Writes that decide the environment's shape
 * are majority writes. Implementations throw {@link StateException} when the replica set cannot
 * be reached or refuses a write.
 */
public interface StateStore extends AutoCloseable {

  /** Records the environment and its first controller, as one bootstrap step. */
  void initialize(EnvironmentRecord environment, Machine firstController);

  Optional<EnvironmentRecord> environment();

  /** Every machine, in numeric id order. */
  List<Machine> machines();

  Optional<Machine> machine(String id);

  /**
   * Adds a machine with the next free id (ids are never reused).
   *
   * @param placement where the provider should start it ({@code --to zone=...})
   * @return the machine as stored, with its id
   */
  Machine addMachine(List<String> jobs, boolean wantsVote, Map<String, String> constraints,
      Placement placement, Instant addedAt);

  /** Adds a machine the provider may place anywhere. */
  default Machine addMachine(List<String> jobs, boolean wantsVote,
      Map<String, String> constraints, Instant addedAt) {
    return addMachine(jobs, wantsVote, constraints, Placement.ANYWHERE, addedAt);
  }

  /** Records the instance a machine runs on. */
  void setInstance(String machineId, String instanceId, List<String> addresses,
      Map<String, Integer> ports);

  /** Records why starting the machine's instance failed; null clears it. */
  void setProvisioningError(String machineId, String error);

  /** The id the next added machine will get: every lower id was allocated once. */
  long nextMachineId();

  /**
   * The version of the controller set: every enable-ha that changes the set bumps it, so two
   * concurrent runs cannot both apply (see {@link #claimControllerChange}).
   */
  long controllersVersion();

  /**
   * Bumps the controller-set version from {@code expected}, atomically.
   *
   * @return false when another writer changed the controller set since {@code expected}
   */
  boolean claimControllerChange(long expected);

  /**
   * Claims the master's role for {@code machineId} in replica-set term {@code term}, as one
   * conditional majority write: it succeeds when no claim exists, when the stored claim has an
   * older term, or when it is this machine's claim for this very term. A master whose term
   * another controller has claimed since is deposed: every later claim of its own fails, so it
   * can check its right to act before every side effect (see the agent's master gate).
   *
   * @return false when a newer term (or another machine in this term) holds the claim
   * @since issue 4
   */
  boolean claimMasterTerm(String machineId, long term);

  /**
   * The environment's backup schedule, as the client last wrote it; {@link BackupSchedule#OFF}
   * when never written.
   *
   * @since issue 8
   */
  BackupSchedule backupSchedule();

  /** Records the environment's backup schedule (from {@code backup-schedule}/{@code -keep}). */
  void setBackupSchedule(BackupSchedule schedule);

  /**
   * The provider credentials as the client last stored them, sealed ({@link
   * io.hactl.core.credentials.CredentialSeal}'s text form); empty when none were stored.
   *
   * @since issue 7
   */
  Optional<String> sealedCredentials();

  /**
   * Stores sealed provider credentials, replacing any earlier ones (a majority write). Only ever
   * given sealed text: state never holds a credential in the clear.
   *
   * @since issue 7
   */
  void setSealedCredentials(String sealed);

  /** Gives or takes the controller job and sets wants-vote, as enable-ha decided. */
  void setControllerRole(String machineId, boolean controller, boolean wantsVote, Instant now);

  /** Records whether the machine's member votes, as the peer grouper configured it. */
  void setHasVote(String machineId, boolean hasVote);

  /** Appends an event to the environment's history. */
  void recordEvent(Event event);

  /** The newest {@code limit} events, oldest first. */
  List<Event> events(int limit);

  /** Deletes a machine and its heartbeat. */
  void removeMachine(String machineId);

  /** Records that the machine's agent is alive, as of {@code at}. */
  void heartbeat(String machineId, Instant at);

  /** The last heartbeat of every machine that sent one. */
  Map<String, Instant> heartbeats();

  /** The {@code host:port} of every controller's member, in machine id order. */
  List<String> controllerAddresses();

  /** The replica set as its members report it; empty when it cannot be read. */
  List<MemberView> members();

  /**
   * Replaces the replica set's members with {@code members} ({@code replSetReconfig}, version
   * one above the current). Members keep their ids; new ones get fresh ids.
   */
  void reconfigure(List<MemberSpec> members);

  /** Asks the primary to step down so that another voter takes over. */
  void stepDownPrimary();

  @Override
  void close();
}
