package io.hactl.agent;

import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.AgentConfigCodec;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.core.store.SecureFiles;
import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.ReplicaSetMember;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

  private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);

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
      ReplicaSetMember member = startMember(arguments, config, data);
      resources.add(member);
      seeds.add(member.address());
    }
    ControllerAddressCache cache = new ControllerAddressCache(data.resolve("state-addresses"));
    seeds.addAll(config.stateAddresses());
    StateStore state = StateStores.connect(new StateEndpoint(cache.seeds(seeds),
        config.replicaSet(), Duration.ofSeconds(10)));
    resources.add(0, state);

    ScheduledExecutorService workers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "agent-workers");
      t.setDaemon(true);
      return t;
    });
    long interval = config.heartbeatInterval().toMillis();
    workers.scheduleWithFixedDelay(
        new HeartbeatWorker(state, config.machineId(), Clock.systemUTC(), cache),
        0, interval, TimeUnit.MILLISECONDS);

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

  private static ReplicaSetMember startMember(AgentArguments arguments, AgentConfig config,
      Path data) throws IOException {
    if (arguments.statePort() == 0) {
      throw new IllegalArgumentException("a controller agent needs --state-port");
    }
    Path keyFile = data.resolve("keyfile");
    SecureFiles.writeOwnerOnly(keyFile, config.secret() + "\n");
    ReplicaSetMember member = ReplicaSetMember.start(new MemberOptions(arguments.address(),
        arguments.statePort(), data.resolve("db"), config.replicaSet(), keyFile, 0));
    LOG.info("replica-set member of {} listening on {}", config.replicaSet(), member.address());
    return member;
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
