package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.credentials.CredentialKey;
import io.hactl.core.credentials.ProviderCredentials;
import io.hactl.core.backup.BackupIdentity;
import io.hactl.core.backup.BackupMetadata;
import io.hactl.core.backup.BackupStore;
import io.hactl.core.backup.InvalidBackupException;
import io.hactl.core.backup.RestoreRequest;
import io.hactl.core.backup.RestoreResult;
import io.hactl.core.backup.internal.ArchivedMachines;
import io.hactl.core.backup.internal.ArchivedMachines.ArchivedMachine;
import io.hactl.core.backup.internal.BackupArchive;
import io.hactl.core.backup.BackupSchedule;
import io.hactl.core.backup.StateDump;
import io.hactl.core.backup.internal.DumpLoader;
import io.hactl.core.backup.internal.InPlaceLoader;
import io.hactl.core.membership.Quorum;
import io.hactl.core.state.BackupStores;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.MemberView;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.core.store.EnvironmentRecordFile;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.ProviderContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code restore-backup}: with {@code -b}, brings the backup's environment back with one new
 * controller; without, loads the backup into the running controllers (see {@link
 * #restoreIntoRunningControllers}).
 *
 * <p>Order, and why: (1) the archive is verified and every refusal checked before anything is
 * touched; (2) the instances that must not survive are stopped (old controllers, which would
 * otherwise keep a second replica set of the same name alive, and machines the backup does not
 * know), after confirmation; (3) the new controller starts under a machine id no machine ever
 * had, with the backup's uuid, name, replica-set name and key; (4) the dump is loaded, see
 * {@link DumpLoader}; (5) the client record points at the new controller, and plain machines
 * still running are told its address through their agent's address cache.
 */
final class RestoreOperation {

  private final EnvironmentContext env;
  private final Clock clock;

  RestoreOperation(EnvironmentContext env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  RestoreResult restore(Path file, RestoreRequest request) throws HactlException {
    Instant started = clock.instant();
    String source = request.file() != null ? request.file().toString()
        : "backup " + request.id();
    if (!request.bootstrap()) {
      return restoreIntoRunningControllers(file, request, source, started);
    }
    try (BackupArchive archive = open(file, source)) {
      BackupMetadata metadata = archive.metadata();
      BackupIdentity identity = archive.identity();
      refuseMismatch(source, identity);
      refuseOverHealthy(source, identity, request.force());

      List<ArchivedMachine> archived = ArchivedMachines.read(archive);
      Set<String> plain = archived.stream().filter(m -> !m.controller())
          .map(ArchivedMachine::id).collect(Collectors.toSet());
      ProviderContext context = env.providerContext(identity.uuid());
      // Resolved again, before anything changes: the archive holds them sealed under a key it
      // does not carry, and they may have been rotated since (see BACKUPS.md).
      Map<String, String> credentials = env.provider().resolveCredentials(context);
      List<Instance> instances = env.provider().instances(context);
      List<Instance> doomed = instances.stream()
          .filter(i -> !plain.contains(i.machineId()) || i.ports().containsKey(Instance.STATE_PORT))
          .toList();
      if (!doomed.isEmpty() && !request.confirmation().confirm(question(metadata, doomed))) {
        throw HactlException.failure("restore of " + metadata.id() + " into " + env.name()
            + " cancelled: nothing was changed", null);
      }
      List<String> stopped = doomed.stream().map(Instance::id).toList();
      if (!stopped.isEmpty()) {
        env.provider().stopInstances(context, stopped);
      }

      String machineId = Long.toString(newControllerId(archive, archived, instances));
      ControllerLauncher.Launched launched = launch(context, identity, machineId);
      List<String> machines = load(archive, identity, machineId, launched, file);
      storeCredentials(identity, List.of(launched.address()), credentials);
      env.store().saveEnvironmentRecord(env.name(), new EnvironmentRecordFile(identity.uuid(),
          identity.provider(), identity.replicaSet(), List.of(launched.address()), true));
      List<String> redirected = new AgentRedirect(env).redirect(context, plain,
          launched.address());
      return new RestoreResult(metadata.id(), env.name(), machineId, launched.address(),
          stopped, machines, redirected, Duration.between(started, clock.instant()));
    } catch (IOException e) {
      throw HactlException.failure("cannot restore " + source + ": cannot read the archive: "
          + e.getMessage(), e);
    }
  }

  /**
   * Without {@code -b}: the backup's state goes into the controllers that run now, which stay
   * as they are (see {@link InPlaceLoader}). They must be able to take writes (a quorum), and
   * since they are then healthy, replacing their state needs --force, after confirmation.
   */
  private RestoreResult restoreIntoRunningControllers(Path file, RestoreRequest request,
      String source, Instant started) throws HactlException {
    try (BackupArchive archive = open(file, source)) {
      BackupMetadata metadata = archive.metadata();
      BackupIdentity identity = archive.identity();
      refuseMismatch(source, identity);
      EnvironmentRecordFile record = env.store().environmentRecord(env.name())
          .filter(EnvironmentRecordFile::bootstrapped)
          .orElseThrow(() -> HactlException.badInput("cannot restore " + source + " into "
              + env.name() + ": it has no running controllers; pass -b to bring up a new"
              + " controller and restore into it"));
      List<String> addresses = record.stateAddresses();
      int up = ControllerProbe.answeringForQuorum(addresses).size();
      Quorum quorum = new Quorum(addresses.size(), up);
      if (!quorum.holds()) {
        throw new HactlException(HactlException.Kind.NO_QUORUM, "cannot restore " + source
            + " into the running controllers of " + env.name() + ": only " + up + " of "
            + addresses.size() + " controllers answer and " + quorum.needed() + " are needed"
            + " to accept writes; pass -b to bring up a new controller instead (it stops what"
            + " remains of the old ones)");
      }
      if (!request.force()) {
        throw HactlException.badInput("cannot restore " + source + " into " + env.name()
            + ": the environment is healthy (" + up + " of " + addresses.size() + " controllers"
            + " answer); a restore replaces its machines, events and settings with the"
            + " backup's (the running controllers stay); pass --force to do that anyway");
      }
      if (!request.confirmation().confirm("Restoring backup " + metadata.id() + " into the"
          + " running controllers of " + env.name() + " replaces its state with the backup's:"
          + " machines the backup does not know are removed and their instances stopped; the"
          + " controllers keep running.")) {
        throw HactlException.failure("restore of " + metadata.id() + " into " + env.name()
            + " cancelled: nothing was changed", null);
      }
      StateEndpoint endpoint = env.endpoint(record);
      Optional<CredentialKey> key = CredentialKeys.held(env);
      // With the key, the controllers get freshly resolved credentials; without it (this
      // client did not bootstrap), the backup's sealed ones stay (see BACKUPS.md).
      Map<String, String> credentials = key.isEmpty() ? null
          : env.provider().resolveCredentials(env.providerContext(identity.uuid()));
      try (StateStore state = StateStores.connect(endpoint);
          StateDump dump = BackupStores.dump(endpoint);
          BackupStore backups = BackupStores.backups(endpoint)) {
        InPlaceLoader.Loaded loaded = new InPlaceLoader(clock).load(archive, state, dump);
        if (credentials != null) {
          new ProviderCredentials(state, key.get(), identity.uuid()).store(credentials);
        }
        state.setBackupSchedule(BackupSchedule.of(env.config()));
        backups.save(metadata, file);
        String master = primaryMachine(state);
        return new RestoreResult(metadata.id(), env.name(), master,
            state.machine(master).map(Machine::stateAddress).orElse(""),
            loaded.stoppingInstances(), loaded.machines(), List.of(),
            Duration.between(started, clock.instant()), loaded.controllers());
      } catch (StateException e) {
        throw QuorumProbe.explain("restore " + source, env.name(), addresses, e);
      }
    } catch (IOException e) {
      throw HactlException.failure("cannot restore " + source + ": cannot read the archive: "
          + e.getMessage(), e);
    }
  }

  /** The machine whose member is primary, or the lowest controller when none is known. */
  private static String primaryMachine(StateStore state) {
    List<Machine> machines = state.machines();
    String primary = state.members().stream().filter(m -> "PRIMARY".equals(m.state()))
        .map(MemberView::address).findFirst().orElse(null);
    return machines.stream().filter(m -> m.stateAddress() != null
            && m.stateAddress().equals(primary)).map(Machine::id).findFirst()
        .orElse(machines.stream().filter(Machine::isController).map(Machine::id).findFirst()
            .orElse(""));
  }

  private BackupArchive open(Path file, String source) throws HactlException {
    try {
      return BackupArchive.open(file, Passphrase.fromEnvironment());
    } catch (InvalidBackupException e) {
      throw HactlException.badInput("cannot restore " + source + ": " + e.getMessage()
          + "; nothing was changed");
    }
  }

  private void refuseMismatch(String source, BackupIdentity identity) throws HactlException {
    if (!identity.name().equals(env.name())) {
      throw HactlException.badInput("cannot restore " + source + ": it is a backup of"
          + " environment " + identity.name() + ", not " + env.name() + "; run restore-backup"
          + " -e " + identity.name() + " (add it to environments.yaml if needed)");
    }
    if (!identity.provider().equals(env.config().type())) {
      throw HactlException.badInput("cannot restore " + source + ": it was taken on provider "
          + identity.provider() + " but environment " + env.name() + " uses "
          + env.config().type());
    }
    Optional<EnvironmentRecordFile> existing = env.store().environmentRecord(env.name());
    if (existing.isPresent() && !existing.get().uuid().equals(identity.uuid())) {
      throw HactlException.badInput("cannot restore " + source + " into " + env.name()
          + ": this client's " + env.name() + " is another environment (uuid "
          + existing.get().uuid() + ", the backup's is " + identity.uuid() + "); run `hactl"
          + " destroy-environment -e " + env.name() + "` first");
    }
  }

  /** A healthy environment is replaced only on purpose: --force. */
  private void refuseOverHealthy(String source, BackupIdentity identity, boolean force)
      throws HactlException {
    Optional<EnvironmentRecordFile> existing = env.store().environmentRecord(env.name())
        .filter(EnvironmentRecordFile::bootstrapped);
    if (existing.isEmpty() || force) {
      return;
    }
    List<String> controllers = existing.get().stateAddresses();
    int up = ControllerProbe.answeringForQuorum(controllers).size();
    if (new Quorum(controllers.size(), up).holds()) {
      throw HactlException.badInput("cannot restore " + source + " into " + env.name()
          + ": the environment is healthy (" + up + " of " + controllers.size()
          + " controllers answer); a restore replaces its controllers with one new one and"
          + " its state with the backup's; pass --force to do that anyway");
    }
  }

  private static String question(BackupMetadata metadata, List<Instance> doomed) {
    String list = doomed.stream().map(i -> i.id() + " (machine " + i.machineId() + ")")
        .collect(Collectors.joining(", "));
    return "Restoring backup " + metadata.id() + " first stops " + list + ": the old"
        + " controllers and machines the backup does not know. Plain machines of the backup"
        + " that still run keep running and reconnect to the new controller.";
  }

  /** Above every id the backup allocated and every id an instance still carries. */
  private static long newControllerId(BackupArchive archive, List<ArchivedMachine> archived,
      List<Instance> instances) throws IOException {
    long next = ArchivedMachines.nextMachineId(archive);
    for (ArchivedMachine m : archived) {
      next = Math.max(next, parse(m.id()) + 1);
    }
    for (Instance i : instances) {
      next = Math.max(next, parse(i.machineId()) + 1);
    }
    return next;
  }

  private static long parse(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private ControllerLauncher.Launched launch(ProviderContext context, BackupIdentity identity,
      String machineId) throws HactlException {
    // The record comes first, not yet bootstrapped, so destroy-environment can clean up a
    // restore that fails half-way, exactly as after a failed bootstrap.
    env.store().saveSecret(env.name(), identity.secret());
    CredentialKeys.ensure(env);
    env.store().saveEnvironmentRecord(env.name(), new EnvironmentRecordFile(identity.uuid(),
        identity.provider(), identity.replicaSet(), List.of(), false));
    AgentConfig agentConfig = new AgentConfig(identity.uuid(), identity.name(), machineId, true,
        identity.replicaSet(), identity.secret(), List.of(),
        AgentConfig.DEFAULT_HEARTBEAT_INTERVAL, env.providerAccess(),
        env.config().logRetentionMb());
    ControllerLauncher launcher =
        new ControllerLauncher(env, "cannot restore environment " + env.name());
    ControllerLauncher.Launched launched = launcher.start(context, agentConfig);
    env.store().saveEnvironmentRecord(env.name(), new EnvironmentRecordFile(identity.uuid(),
        identity.provider(), identity.replicaSet(), List.of(launched.address()), false));
    launcher.awaitMember(context, launched);
    try {
      launcher.initiate(launched, identity.replicaSet(), Duration.ofSeconds(10));
    } catch (StateException e) {
      throw HactlException.failure("cannot restore environment " + env.name() + ": "
          + e.getMessage() + "; run `hactl destroy-environment -y` to clean up", e);
    }
    return launched;
  }

  /**
   * Replaces the sealed credentials the dump brought (sealed under the key of the environment
   * the backup was taken in, which the new controller may not hold) with the ones just
   * resolved, under the key the new controller holds.
   */
  private void storeCredentials(BackupIdentity identity, List<String> addresses,
      Map<String, String> credentials) throws HactlException {
    StateEndpoint endpoint = env.endpoint(new EnvironmentRecordFile(identity.uuid(),
        identity.provider(), identity.replicaSet(), addresses, false));
    try (StateStore state = StateStores.connect(endpoint)) {
      new ProviderCredentials(state, CredentialKeys.held(env).orElseThrow(), identity.uuid())
          .store(credentials);
    } catch (StateException e) {
      throw HactlException.failure("cannot restore environment " + env.name() + ": storing"
          + " the provider credentials failed: " + e.getMessage() + "; run `hactl"
          + " update-credentials`", e);
    }
  }

  /**
   * Loads the dump, then keeps the restored backup on the new controller: the controllers'
   * earlier backups are not part of a dump, and the one just restored is the obvious one to
   * keep.
   */
  private List<String> load(BackupArchive archive, BackupIdentity identity, String machineId,
      ControllerLauncher.Launched launched, Path file) throws HactlException, IOException {
    Machine controller = new Machine(machineId,
        List.of(Machine.JOB_HOST_UNITS, Machine.JOB_MANAGE_ENVIRON), Machine.ALIVE,
        launched.instance().id(), launched.instance().addresses(), launched.instance().ports(),
        true, true, java.util.Map.of(), null, clock.instant());
    StateEndpoint endpoint = env.endpoint(new EnvironmentRecordFile(identity.uuid(),
        identity.provider(), identity.replicaSet(), List.of(launched.address()), false));
    try {
      List<String> machines = new DumpLoader(endpoint, clock).load(archive, identity, controller);
      try (BackupStore backups = BackupStores.backups(endpoint)) {
        backups.save(archive.metadata(), file);
      }
      return machines;
    } catch (StateException e) {
      throw HactlException.failure("cannot restore environment " + env.name() + ": loading the"
          + " backup into machine " + machineId + " failed: " + e.getMessage() + "; run"
          + " restore-backup -b --force again", e);
    }
  }
}
