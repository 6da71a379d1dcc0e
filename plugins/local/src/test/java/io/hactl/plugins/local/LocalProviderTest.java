package io.hactl.plugins.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hactl.plugin.api.AgentDistribution;
import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.ExtensionPoint;

/**
 * Runs the local provider against real, separate JVMs. {@link FakeAgent} stands in for hactl's
 * agent (which lives in another module): it takes the agent's command line, logs a line, binds the
 * state port it was given and waits to be terminated.
 */
class LocalProviderTest {
  private static final String CONFIG = "secret: s3cr3t\n";
  private static final Duration AWAIT = Duration.ofSeconds(20);

  @TempDir Path storage;

  private final LocalProvider provider = new LocalProvider();

  @AfterEach
  void stopEverythingStarted() throws ProviderException {
    ProviderContext context = context(Map.of());
    provider.stopInstances(context, provider.instances(context).stream().map(Instance::id).toList());
  }

  @Test
  void startsControllerAndPlainMachineAsSeparateRunningProcesses() throws Exception {
    ProviderContext context = context(Map.of("agent-heap", "48m"));

    Instance controller = provider.startInstance(context, controllerSpec("0"));
    Instance plain = provider.startInstance(context, plainSpec("1"));

    assertThat(controller.id()).isEqualTo("test-env-machine-0");
    assertThat(plain.id()).isEqualTo("test-env-machine-1");
    long controllerPid = pid(controller);
    long plainPid = pid(plain);
    assertThat(controllerPid).isNotEqualTo(plainPid).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(ProcessHandle.of(controllerPid)).get().matches(ProcessHandle::isAlive);
    assertThat(ProcessHandle.of(plainPid)).get().matches(ProcessHandle::isAlive);

    int statePort = controller.ports().get(Instance.STATE_PORT);
    await("the controller's fake agent accepts connections on its state port " + statePort,
        () -> accepts(statePort));
    await("the plain agent logs that it is up", () -> logOf(plain).contains("fake agent"));
    assertThat(logOf(plain)).contains("address=127.0.0.1 state-port=" + System.lineSeparator());

    List<Instance> listed = provider.instances(context);
    assertThat(listed).extracting(Instance::id)
        .containsExactly("test-env-machine-0", "test-env-machine-1");
    assertThat(listed).allSatisfy(instance -> {
      assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
      assertThat(instance.addresses()).containsExactly("127.0.0.1");
    });
    assertThat(listed.get(0).ports()).containsExactly(Map.entry(Instance.STATE_PORT, statePort));
    assertThat(listed.get(1).ports()).isEmpty();
    assertThat(listed.get(0).details()).containsEntry("pid", Long.toString(controllerPid))
        .containsEntry("data-dir", storage.resolve("machine-0").toString())
        .containsEntry("log", storage.resolve("machine-0/agent.out").toString());
    assertThat(ProcessHandle.of(controllerPid).orElseThrow().info().arguments().orElseThrow())
        .contains("-Xmx48m");
  }

  @Test
  void agentRunsInItsOwnSessionSoCtrlCInTheClientDoesNotReachIt() throws Exception {
    long pid = pid(provider.startInstance(context(Map.of()), plainSpec("1")));

    assertThat(sessionOf(pid)).isEqualTo(pid).isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
  }

  @Test
  void anAgentOutlivesTheClientProcessThatStartedIt() throws Exception {
    String classpath = String.join(File.pathSeparator, testClasses().toString(),
        codeLocation(LocalProvider.class).toString(), codeLocation(Provider.class).toString(),
        codeLocation(ExtensionPoint.class).toString());
    Process client = new ProcessBuilder(javaExecutable().toString(), "-cp", classpath,
        FakeClient.class.getName(), storage.toString(), javaExecutable().toString(),
        testClasses().toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(client.waitFor(AWAIT.toSeconds(), TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(client.exitValue()).as(output).isZero();

    List<Instance> listed = provider.instances(context(Map.of()));
    assertThat(listed).singleElement().satisfies(instance -> {
      assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
      assertThat(output).contains("pid=" + instance.details().get("pid"));
    });
    int statePort = listed.get(0).ports().get(Instance.STATE_PORT);
    await("the agent of the exited client serves its state port", () -> accepts(statePort));
  }

  @Test
  void writesTheAgentConfigWithOwnerOnlyPermissions() throws Exception {
    provider.startInstance(context(Map.of()), controllerSpec("0"));

    Path config = storage.resolve("machine-0/agent.yaml");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(config)).isEqualTo(CONFIG);
  }

  @Test
  void stoppingLeavesNoProcessAndFreesThePort() throws Exception {
    ProviderContext context = context(Map.of());
    Instance controller = provider.startInstance(context, controllerSpec("0"));
    int statePort = controller.ports().get(Instance.STATE_PORT);
    await("the fake agent binds its state port", () -> accepts(statePort));

    provider.stopInstances(context, List.of(controller.id()));

    Optional<ProcessHandle> process = ProcessHandle.of(pid(controller));
    assertThat(process.isEmpty() || !process.get().isAlive()).as("agent process gone").isTrue();
    assertThat(StatePortPicker.isFree("127.0.0.1", statePort)).as("state port free").isTrue();
    assertThat(provider.instances(context)).isEmpty();
    assertThat(storage.resolve("machine-0")).doesNotExist();
  }

  @Test
  void aFreshProviderObjectSeesAndStopsWhatAnotherStarted() throws Exception {
    ProviderContext context = context(Map.of());
    Instance started = provider.startInstance(context, controllerSpec("0"));

    LocalProvider laterClient = new LocalProvider();
    List<Instance> seen = laterClient.instances(context);
    assertThat(seen).extracting(Instance::id, Instance::state)
        .containsExactly(tuple(started.id(), InstanceState.RUNNING));
    assertThat(seen.get(0).ports()).isEqualTo(started.ports());

    laterClient.stopInstances(context, List.of(started.id()));

    assertThat(provider.instances(context)).isEmpty();
    assertThat(ProcessHandle.of(pid(started)).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void stoppingUnknownInstancesIsNotAnError() throws Exception {
    ProviderContext context = context(Map.of());
    Instance plain = provider.startInstance(context, plainSpec("1"));

    provider.stopInstances(context, List.of("test-env-machine-9", "../../etc/passwd", ""));

    assertThat(provider.instances(context)).extracting(Instance::id).containsExactly(plain.id());
  }

  @Test
  void anAgentThatDiedIsListedAsStoppedUntilItIsStopped() throws Exception {
    ProviderContext context = context(Map.of());
    Instance plain = provider.startInstance(context, plainSpec("1"));
    ProcessHandle process = ProcessHandle.of(pid(plain)).orElseThrow();

    process.destroyForcibly();
    process.onExit().get();

    assertThat(provider.instances(context)).extracting(Instance::state)
        .containsExactly(InstanceState.STOPPED);
    provider.stopInstances(context, List.of(plain.id()));
    assertThat(provider.instances(context)).isEmpty();
  }

  @Test
  void refusesToStartAMachineThatIsAlreadyRunning() throws Exception {
    ProviderContext context = context(Map.of());
    Instance plain = provider.startInstance(context, plainSpec("1"));

    assertThatThrownBy(() -> provider.startInstance(context, plainSpec("1")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("machine 1 already runs as instance test-env-machine-1 (pid "
            + pid(plain) + ")");
  }

  @Test
  void reportsAnAgentThatExitsAtOnceWithTheLastLineOfItsLog() {
    ProviderContext context = new ProviderContext("test-env", "uuid-1", Map.of(), storage,
        new AgentDistribution(javaExecutable(), List.of(testClasses()), "no.such.AgentMain",
            List.of("-Xmx32m")));

    assertThatThrownBy(() -> provider.startInstance(context, plainSpec("1")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("the agent of machine 1 exited at once with code 1")
        .hasMessageContaining("no.such.AgentMain");
    assertThat(storage.resolve("instances/test-env-machine-1.properties")).doesNotExist();
  }

  @Test
  void acceptsOnlyAValidAgentHeapSetting() {
    assertThat(provider.validateSettings(Map.of("agent-heap", "128m"))).isEmpty();
    assertThat(provider.validateSettings(Map.of("agent-heap", "1G"))).isEmpty();
    assertThat(provider.validateSettings(Map.of("agent-heap", "lots")))
        .singleElement().satisfies(problem -> {
          assertThat(problem.key()).isEqualTo("agent-heap");
          assertThat(problem.message()).contains("such as 128m").contains("\"lots\"");
        });
    assertThat(provider.validateSettings(Map.of("agent-heap", "128"))).hasSize(1);
    assertThat(provider.validateSettings(Map.of("agent-heap", "8m"))).hasSize(1);
    assertThat(provider.validateSettings(Map.of("region", "eu", "agent-heap", "64m")))
        .singleElement().satisfies(problem -> {
          assertThat(problem.key()).isEqualTo("region");
          assertThat(problem.message()).contains("unknown setting for provider local");
        });
  }

  @Test
  void tellsControllersWhichMongodToRunAndPlainMachinesNothing() throws Exception {
    ProviderContext context = context(Map.of("mongod-path", "/opt/mongodb/bin/mongod"));
    Instance controller = provider.startInstance(context, controllerSpec("0"));
    Instance plain = provider.startInstance(context, plainSpec("1"));
    await("both fake agents log that they are up",
        () -> logOf(controller).contains("fake agent") && logOf(plain).contains("fake agent"));
    await("the controller logs its mongod", () -> logOf(controller).contains("mongod-path="));

    assertThat(logOf(controller)).contains("fake agent mongod-path=/opt/mongodb/bin/mongod");
    assertThat(logOf(plain)).doesNotContain("mongod-path");
  }

  @Test
  void runsMongodFromThePathUnlessMongodPathSaysOtherwise() throws Exception {
    Instance controller = provider.startInstance(context(Map.of()), controllerSpec("0"));
    await("the controller logs its mongod", () -> logOf(controller).contains("mongod-path="));
    assertThat(logOf(controller)).contains("fake agent mongod-path=mongod" + System.lineSeparator());
    assertThat(provider.validateSettings(Map.of("mongod-path", "/usr/bin/mongod"))).isEmpty();
    assertThat(provider.validateSettings(Map.of("mongod-path", " "))).singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("/usr/bin/mongod"));
    assertThat(provider.settings()).extracting(s -> s.name())
        .containsExactly("agent-heap", "mongod-path");
  }

  @Test
  void stopsAMongodThatOutlivedItsKilledAgent() throws Exception {
    Path mongod = storage.resolve("fake-mongod");
    Files.writeString(mongod, "#!/bin/sh\nwhile :; do sleep 1; done\n");
    Files.setPosixFilePermissions(mongod, PosixFilePermissions.fromString("rwx------"));
    ProviderContext context = context(Map.of("mongod-path", mongod.toString()));
    Instance controller = provider.startInstance(context, controllerSpec("0"));
    ProcessHandle agent = ProcessHandle.of(pid(controller)).orElseThrow();
    await("the agent starts its mongod", () -> agent.children().findAny().isPresent());
    ProcessHandle child = agent.children().findFirst().orElseThrow();

    agent.destroyForcibly();
    agent.onExit().join();
    assertThat(child.isAlive()).as("killed outright, the agent leaves its mongod running")
        .isTrue();
    provider.stopInstances(context, List.of(controller.id()));

    assertThat(child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join().isAlive())
        .as("the orphaned mongod was stopped with its instance").isFalse();
  }

  private ProviderContext context(Map<String, String> settings) {
    return new ProviderContext("test-env", "uuid-1", settings, storage,
        new AgentDistribution(javaExecutable(), List.of(testClasses()), FakeAgent.class.getName(),
            List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
  }

  private static InstanceSpec controllerSpec(String machineId) {
    return new InstanceSpec(machineId, true, CONFIG, "", 0, Constraints.NONE, Placement.ANYWHERE);
  }

  private static InstanceSpec plainSpec(String machineId) {
    return new InstanceSpec(machineId, false, CONFIG, "", 0, Constraints.NONE, Placement.ANYWHERE);
  }

  private static Path javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static Path testClasses() {
    return codeLocation(FakeAgent.class);
  }

  private static Path codeLocation(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long pid(Instance instance) {
    return Long.parseLong(instance.details().get("pid"));
  }

  private String logOf(Instance instance) {
    try {
      return Files.readString(Path.of(instance.details().get("log")));
    } catch (IOException e) {
      return "";
    }
  }

  /** The session id, field 6 of /proc/PID/stat (after the parenthesised command name). */
  private static long sessionOf(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[3]);
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + AWAIT.toSeconds() + "s for: " + what);
      }
      Thread.sleep(50);
    }
  }
}
