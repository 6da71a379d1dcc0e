package io.hactl.agent;

import io.hactl.config.ControllerDb;
import io.hactl.core.HactlCore;
import io.hactl.core.credentials.ControllerContexts;
import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.ProviderAccess;
import io.hactl.core.backup.BackupStore;
import io.hactl.core.backup.ScheduledBackupWorker;
import io.hactl.core.backup.StateBackupMaker;
import io.hactl.core.membership.PeerGrouperWorker;
import io.hactl.core.provider.ProviderRegistry;
import io.hactl.core.provisioning.ProvisionerWorker;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.agent.logging.AgentLogSink;
import io.hactl.agent.logging.AgentLoggingProvider;
import io.hactl.core.logs.LogForwarder;
import io.hactl.core.logs.LogPruner;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogStore;
import io.hactl.core.state.BackupStores;
import io.hactl.core.state.Event;
import io.hactl.core.state.LogStores;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.core.store.SecureFiles;
import io.hactl.replicaset.CommonPool;
import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.ReplicaSetMember;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine agent process. A controller's agent first starts its replica-set member; every
 * agent then runs its workers until SIGTERM, when it stops them and the member in order.
 */
public final class AgentMain {

  static {
    // Before the first logger: the agent's own binding forwards records to the controllers, and
    // naming it keeps slf4j from picking any other binding left on the class path.
    System.setProperty("slf4j.provider", AgentLoggingProvider.class.getName());
    // Before anything touches the common ForkJoinPool: the replica-set member needs two threads in it.
    CommonPool.ensureParallelism();
  }

  private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);
  private static final Duration MASTER_TICK = Duration.ofMillis(500);
  private static final Duration LOG_FLUSH_TIMEOUT = Duration.ofSeconds(2);
  /** Long enough for a member that just became primary to accept writes. */
  private static final Duration OWN_MEMBER_TIMEOUT = Duration.ofSeconds(5);
  /** How long the peer grouper waits for a new member's hello before trying next round. */
  private static final Duration HELLO_TIMEOUT = Duration.ofMillis(500);
  /** A scheduled backup waits this long for a primary before the round fails and retries. */
  private static final Duration BACKUP_TIMEOUT = Duration.ofSeconds(30);

  private AgentMain() {}

  public static void main(String[] args) {
    AgentArguments arguments;
    AgentConfig config;
    try {
      arguments = AgentArguments.parse(args);
      config = AgentConfigCodec.read(arguments.configFile());
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("hactl-agent: cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      run(arguments, config);
    } catch (MongodUnavailableException e) {
      // One line on stderr, the agent's log: the client's bootstrap error quotes it.
      System.err.println("hactl-agent: " + e.getMessage());
      System.exit(1);
    } catch (IOException | RuntimeException e) {
      LOG.error("agent of machine {} failed: {}", config.machineId(), e.toString(), e);
      System.exit(1);
    }
  }

  private static void run(AgentArguments arguments, AgentConfig config) throws IOException {
    LOG.info("starting agent of machine {} in environment {} ({})", config.machineId(),
        config.environmentName(), config.controller() ? "controller" : "plain machine");
    Path data = arguments.dataDirectory();
    List<AutoCloseable> resources = new ArrayList<>();
    List<String> seeds = new ArrayList<>();
    if (config.controller()) {
      DbMember member = startMember(arguments, config, data);
      resources.add(member);
      seeds.add(member.address());
    }
    ControllerAddressCache cache = new ControllerAddressCache(data.resolve("state-addresses"));
    seeds.addAll(config.stateAddresses());
    // Logs get their own connection, so sending them never queues behind (or ahead of) a
    // heartbeat; both are replaced together when the agent has to find the controllers anew.
    StateLink link = new StateLink(cache, seeds, config.replicaSet(), credentials(config),
        StateStores::connect, LogStores::connect, Clock.systemUTC());
    resources.add(0, link);
    StateStore state = link.state();
    LogStore logs = link.logs();
    LogForwarder forwarder = AgentLogSink.forwarder();
    forwarder.start(LogRecord.machineEntity(config.machineId()), logs);
    // Closed first: the last records, including "stopping", go out while the member still runs.
    resources.add(0, () -> forwarder.close(LOG_FLUSH_TIMEOUT));

    ScheduledExecutorService workers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "agent-workers");
      t.setDaemon(true);
      return t;
    });
    long interval = config.heartbeatInterval().toMillis();
    HeartbeatWorker heartbeat =
        new HeartbeatWorker(state, config.machineId(), Clock.systemUTC(), cache);
    workers.scheduleWithFixedDelay(() -> {
      heartbeat.run();
      link.check(heartbeat::failing);
    }, 0, interval, TimeUnit.MILLISECONDS);
    DistributionService distribution = DistributionService.start(arguments, config);
    resources.add(0, distribution);
    if (config.controller()) {
      resources.add(0, startMasterWorkers(config, logs, member(resources), distribution,
          data));
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping agent of machine {}", config.machineId());
      workers.shutdownNow();
      closeAll(resources);
      stopped.countDown();
    }, "agent-shutdown"));
    LOG.info("agent of machine {} running", config.machineId());
    awaitQuietly(stopped);
  }

  private static DbMember member(List<AutoCloseable> resources) {
    return resources.stream().filter(DbMember.class::isInstance)
        .map(DbMember.class::cast).findFirst().orElseThrow();
  }

  /**
   * Whom this agent reaches state as. Controllers know whether their set runs mongod; a plain
   * machine's config does not say, so it offers the credentials and lets a probe decide
   * ({@link StateCredentials#assumedWhenUnknown()}).
   */
  private static StateCredentials credentials(AgentConfig config) {
    if (!config.controller()) {
      return StateCredentials.forSecret(config.secret(), false);
    }
    return runsMongod(config) ? StateCredentials.forSecret(config.secret(), true) : null;
  }

  private static boolean runsMongod(AgentConfig config) {
    return config.controller() && config.providerAccess() != null
        && config.providerAccess().controllerDb() == ControllerDb.MONGOD;
  }

  /**
   * Master-only workers get their own thread, so a slow provider call never delays the
   * heartbeat, their own provider plugins, loaded once, and their own connection to this
   * controller's member only: a write of theirs succeeds only while that member is the primary,
   * and their provider calls only while this controller holds the primary's term
   * ({@link TermFence}).
   */
  private static AutoCloseable startMasterWorkers(AgentConfig config, LogStore logs,
      DbMember member, DistributionService distribution, Path data) {
    ProviderAccess access = config.providerAccess();
    ProviderRegistry registry = ProviderRegistry.load(access.pluginRoots(),
        HactlCore.PROVIDER_CALL_TIMEOUT);
    registry.problems().forEach(p -> LOG.warn("provider plugin {}: {}", p.plugin(),
        p.message()));
    StateStore own = StateStores.connectToMember(member.address(), OWN_MEMBER_TIMEOUT,
        credentials(config));
    TermFence fence = new TermFence(config.machineId(), own);
    List<MasterGate.MasterWorker> masterWorkers = new ArrayList<>();
    // A new member joins as soon as it listens, not when the slowest of a batch does.
    PeerGrouperWorker peerGrouper = new PeerGrouperWorker(own, config.machineId(),
        Clock.systemUTC(), address -> StateStores.answersHello(address, HELLO_TIMEOUT));
    masterWorkers.add(new MasterGate.MasterWorker("peer grouper", peerGrouper::runOnce));
    LogPruner pruner = new LogPruner(logs, config.logRetentionMb() * 1024L * 1024L,
        Clock.systemUTC(), LogPruner.DEFAULT_EVERY);
    masterWorkers.add(new MasterGate.MasterWorker("log pruner", pruner::runOnce));
    // Backups are dumped through the primary (this member while it is the master) and kept
    // by every controller; the fence is checked before each one, as for the provisioner.
    StateEndpoint replicaSet = new StateEndpoint(List.of(member.address()), config.replicaSet(),
        BACKUP_TIMEOUT, credentials(config));
    BackupStore keptBackups = BackupStores.backups(replicaSet);
    StateBackupMaker maker = new StateBackupMaker(replicaSet, own, keptBackups, config.secret(),
        config.machineId(), data.resolve("backups"), Clock.systemUTC());
    ScheduledBackupWorker scheduledBackups = new ScheduledBackupWorker(own, keptBackups,
        notes -> {
          fence.check("take a scheduled backup");
          return maker.make(notes);
        }, config.machineId(), Clock.systemUTC());
    masterWorkers.add(new MasterGate.MasterWorker("scheduled backups",
        scheduledBackups::runOnce));
    try {
      // The provider gets the credentials the client stored in state (sealed), opened with
      // this controller's credential key: the client's environment is not here.
      ProviderBroker broker = new ProviderBroker(registry.provider(access.providerType()),
          new ControllerContexts(access.context(config.environmentName(),
              config.environmentUuid()), own, access.credentialKey()));
      ProvisionerWorker provisioner = new ProvisionerWorker(own,
          new FencedInstanceBroker(broker, fence), config, distribution.userData(config),
          Clock.systemUTC());
      masterWorkers.add(new MasterGate.MasterWorker("provisioner", provisioner::runOnce));
    } catch (HactlException e) {
      LOG.error("this controller cannot provision machines as master: {}", e.getMessage());
    }
    MasterGate gate = new MasterGate(config.machineId(), member, fence, masterWorkers,
        () -> own.recordEvent(new Event(Instant.now(), "election", config.machineId(),
            "machine " + config.machineId() + " became the master")));
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "master-workers");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(gate, 0, MASTER_TICK.toMillis(), TimeUnit.MILLISECONDS);
    return () -> {
      thread.shutdownNow();
      registry.close();
      keptBackups.close();
      own.close();
    };
  }

  private static DbMember startMember(AgentArguments arguments, AgentConfig config,
      Path data) throws IOException {
    if (runsMongod(config)) {
      return MongodMember.start(arguments, config, data);
    }
    if (arguments.statePort() == 0) {
      throw new IllegalArgumentException("a controller agent needs --state-port");
    }
    Path keyFile = data.resolve("keyfile");
    SecureFiles.writeOwnerOnly(keyFile, config.secret() + "\n");
    ReplicaSetMember member = ReplicaSetMember.start(new MemberOptions(arguments.address(),
        arguments.statePort(), data.resolve("db"), config.replicaSet(), keyFile, 0));
    LOG.info("replica-set member of {} listening on {}", config.replicaSet(), member.address());
    return new EmbeddedDbMember(member);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("error while stopping: {}", e.toString());
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
