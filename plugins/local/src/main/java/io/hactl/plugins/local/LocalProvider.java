package io.hactl.plugins.local;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * The embedded default provider: each machine is a separate agent JVM on this host, detached so
 * that it outlives the client that started it.
 *
 * <p>Per environment (that is, per {@link ProviderContext#storageDirectory()}):
 *
 * <pre>
 * machine-&lt;id&gt;/agent.yaml          the agent's config, mode 0600 (it holds secrets)
 * machine-&lt;id&gt;/agent.out           the agent's stdout and stderr
 * instances/&lt;instance-id&gt;.properties pid, start time, ports: how a later client finds it
 * </pre>
 *
 * <p>The object holds no state, so any number of client processes may use the same environment
 * one after the other.
 */
@Extension
public final class LocalProvider implements Provider {
  /** The provider's type in environments.yaml. */
  public static final String TYPE = "local";

  /** Agents listen on loopback only: the local provider never exposes a port beyond this host. */
  static final String ADDRESS = "127.0.0.1";

  /**
   * How long a new agent is watched for an immediate exit (bad class path, bad option), so that
   * such a failure is reported by startInstance instead of as a silently stopped instance.
   */
  private static final Duration EARLY_EXIT_WINDOW = Duration.ofMillis(400);

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<ProviderSetting> settings() {
    return List.of(new ProviderSetting(LocalSettings.AGENT_HEAP,
        "maximum heap of each agent JVM (-Xmx), at least 32m, e.g. 96m", false, false),
        new ProviderSetting(LocalSettings.MONGOD_PATH,
            "the mongod (4.4+) controllers run with controller-db: mongod: a name on PATH or a"
                + " path; default mongod", false, false));
  }

  @Override
  public List<SettingProblem> validateSettings(Map<String, String> settings) {
    return LocalSettings.validate(settings);
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    if (spec.placement().zoneIfSet().isPresent()) {
      throw new ProviderException("cannot start machine " + spec.machineId() + " in zone "
          + spec.placement().zone() + ": the local provider has no zones; remove the machine"
          + " and add it again without --to zone=...");
    }
    String instanceId = context.environmentName() + "-machine-" + spec.machineId();
    if (!InstanceRecords.isSafeId(instanceId)) {
      throw new ProviderException("cannot name an instance \"" + instanceId
          + "\": environment names and machine ids may hold only letters, digits, '.', '_', '-'");
    }
    InstanceRecords records = new InstanceRecords(context.storageDirectory());
    Optional<ProcessHandle> running = records.find(instanceId).flatMap(InstanceRecord::liveProcess);
    if (running.isPresent()) {
      throw new ProviderException("machine " + spec.machineId() + " already runs as instance "
          + instanceId + " (pid " + running.get().pid() + "); stop that instance first");
    }

    int statePort = spec.statePort();
    List<String> arguments = new ArrayList<>();
    Path machineDir = context.storageDirectory().resolve("machine-" + spec.machineId());
    Path config = machineDir.resolve("agent.yaml");
    Path log = machineDir.resolve("agent.out");
    arguments.addAll(List.of("--config", config.toString()));
    if (statePort == 0 && spec.controller()) {
      statePort = StatePortPicker.pick(ADDRESS, portsInUse(records));
      arguments.addAll(List.of("--state-port", Integer.toString(statePort)));
    }
    arguments.addAll(List.of("--address", ADDRESS));
    if (spec.controller()) {
      // Used only by a controller of controller-db: mongod, which runs it as its child.
      arguments.addAll(List.of("--mongod-path", LocalSettings.mongodPath(context.settings())));
    }

    Process process;
    try {
      AgentLauncher.createPrivateDirectory(machineDir);
      AgentLauncher.writeSecretFile(config, spec.agentConfig());
      process = AgentLauncher.start(context.agent(),
          LocalSettings.jvmOptions(context.settings()), arguments, machineDir, log);
    } catch (IOException e) {
      throw new ProviderException("cannot start the agent of machine " + spec.machineId()
          + " in " + machineDir + ": " + e.getMessage(), e);
    }
    InstanceRecord record = new InstanceRecord(instanceId, spec.machineId(), process.pid(),
        process.info().startInstant(), statePort, ADDRESS, machineDir, log);
    // Recorded before anything else can fail, so that a later stop always finds the process.
    records.save(record);
    awaitEarlyExit(process, record, records);
    return toInstance(record, InstanceState.RUNNING);
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds)
      throws ProviderException {
    InstanceRecords records = new InstanceRecords(context.storageDirectory());
    List<InstanceRecord> known = new ArrayList<>();
    for (String instanceId : instanceIds) {
      records.find(instanceId).ifPresent(known::add);
    }
    List<ProcessHandle> others = records.all().stream()
        .filter(record -> !instanceIds.contains(record.instanceId()))
        .map(InstanceRecord::liveProcess)
        .flatMap(Optional::stream)
        .toList();
    List<ProcessHandle> agents = new ArrayList<>(known.stream()
        .map(InstanceRecord::liveProcess)
        .flatMap(Optional::stream)
        .toList());
    agents.addAll(orphansOf(known, agents, others));
    ProcessStopper.stop(agents, others);
    for (InstanceRecord record : known) {
      deleteTree(record.dataDir());
      records.delete(record.instanceId());
    }
  }

  @Override
  public List<Instance> instances(ProviderContext context) throws ProviderException {
    return new InstanceRecords(context.storageDirectory()).all().stream()
        .map(record -> toInstance(record, record.liveProcess().isPresent()
            ? InstanceState.RUNNING : InstanceState.STOPPED))
        .toList();
  }

  private static void awaitEarlyExit(Process process, InstanceRecord record,
      InstanceRecords records) throws ProviderException {
    boolean exited;
    try {
      exited = process.waitFor(EARLY_EXIT_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // The agent is recorded: the caller can list or stop it later.
      throw new ProviderException("interrupted while starting the agent of machine "
          + record.machineId() + " (pid " + record.pid() + ")", e);
    }
    if (exited) {
      records.delete(record.instanceId());
      throw new ProviderException("the agent of machine " + record.machineId()
          + " exited at once with code " + process.exitValue() + ": "
          + AgentLauncher.lastLine(record.log()) + " (log: " + record.log() + ")");
    }
  }

  /**
   * Processes an agent started that outlived it: a controller's mongod keeps running when its
   * agent is killed outright (as on a real machine, where systemd runs it), and is then no
   * longer the agent's descendant. They are found by their command line, which names files in
   * the machine's folder ({@code --dbpath}, {@code --keyFile}).
   */
  private static List<ProcessHandle> orphansOf(List<InstanceRecord> known,
      List<ProcessHandle> agents, List<ProcessHandle> others) {
    Set<Long> handled = new java.util.HashSet<>();
    Stream.concat(agents.stream(), others.stream()).forEach(agent -> {
      handled.add(agent.pid());
      agent.descendants().forEach(d -> handled.add(d.pid()));
    });
    List<String> folders = known.stream()
        .map(record -> record.dataDir().toAbsolutePath() + "/").toList();
    return ProcessHandle.allProcesses()
        .filter(p -> !handled.contains(p.pid()) && p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().commandLine()
            .map(line -> folders.stream().anyMatch(line::contains)).orElse(false))
        .toList();
  }

  private static Set<Integer> portsInUse(InstanceRecords records) throws ProviderException {
    return records.all().stream()
        .filter(record -> record.liveProcess().isPresent() && record.statePort() > 0)
        .flatMap(record -> Stream.of(record.statePort(),
            record.statePort() + StatePortPicker.PEER_OFFSET))
        .collect(Collectors.toSet());
  }

  private static Instance toInstance(InstanceRecord record, InstanceState state) {
    Map<String, Integer> ports = new HashMap<>();
    if (record.statePort() > 0) {
      ports.put(Instance.STATE_PORT, record.statePort());
    }
    return new Instance(record.instanceId(), record.machineId(), state,
        List.of(record.address()), ports,
        Map.of("pid", Long.toString(record.pid()),
            "data-dir", record.dataDir().toString(),
            "log", record.log().toString()));
  }

  private static void deleteTree(Path folder) throws ProviderException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new ProviderException("cannot delete the folder " + folder + ": " + e.getMessage(), e);
    }
  }
}
