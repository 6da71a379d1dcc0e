package io.hactl.e2e;

import static io.hactl.e2e.StatusProbe.machine;
import static io.hactl.e2e.StatusProbe.pid;
import static io.hactl.e2e.StatusProbe.voteStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture every HA and backup test shares: a private {@code HACTL_HOME}, the built-in
 * {@code local} environment bootstrapped before each test, and after it the environment
 * destroyed and every agent process that still names this home stopped, so a failed test never
 * leaves controllers running on a machine other engineers share.
 *
 * <pre>{@code
 * @RegisterExtension final BootstrappedEnvironment env = new BootstrappedEnvironment();
 * }</pre>
 */
final class BootstrappedEnvironment implements BeforeEachCallback, AfterEachCallback {

  /** Long enough for several controllers to start on a loaded two-core machine. */
  static final Duration CONVERGE = Duration.ofSeconds(180);

  private static final Duration AGENT_EXIT = Duration.ofSeconds(30);

  private final String environmentsYaml;
  private Path home;
  private Path files;
  private Hactl hactl;
  private StatusProbe probe;

  /** The built-in {@code local} environment. */
  BootstrappedEnvironment() {
    this(null);
  }

  /** @param environmentsYaml the home's environments.yaml; it must define {@code local} */
  BootstrappedEnvironment(String environmentsYaml) {
    this.environmentsYaml = environmentsYaml;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    home = Files.createTempDirectory("hactl-e2e-home-");
    files = Files.createTempDirectory("hactl-e2e-files-");
    if (environmentsYaml != null) {
      Files.writeString(home.resolve("environments.yaml"), environmentsYaml);
    }
    hactl = new Hactl(home);
    probe = new StatusProbe(hactl);
    Hactl.Result bootstrap = hactl.run("bootstrap");
    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isZero();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      if (context.getExecutionException().isPresent()) {
        keepEvidence(context);
      }
      if (Files.exists(home.resolve("data/environments/local"))) {
        hactl.run("destroy-environment", "-y");
      }
    } finally {
      stopLeftoverAgents();
      deleteTree(home);
      deleteTree(files);
    }
  }

  Hactl hactl() {
    return hactl;
  }

  StatusProbe probe() {
    return probe;
  }

  /** A scratch folder for archives, removed after the test. */
  Path files() {
    return files;
  }

  /** Runs hactl and asserts that it succeeded. */
  Hactl.Result ok(String... args) throws Exception {
    Hactl.Result result = hactl.run(args);
    assertThat(result.exitCode()).as("hactl " + String.join(" ", args) + "\n" + result)
        .isZero();
    return result;
  }

  /** Runs hactl and asserts that it failed with {@code exitCode}. */
  Hactl.Result fails(int exitCode, String... args) throws Exception {
    Hactl.Result result = hactl.run(args);
    assertThat(result.exitCode()).as("hactl " + String.join(" ", args) + "\n" + result)
        .isEqualTo(exitCode);
    return result;
  }

  /** Waits until every machine in {@code ids} has a vote and some controller is the master. */
  JsonNode awaitVoters(List<String> ids) throws Exception {
    return probe.await("controllers " + ids + " with votes and a master", CONVERGE,
        s -> ids.stream().allMatch(id -> "has-vote".equals(voteStatus(s, id)))
            && !s.path("master").isNull() && !s.path("master").asText().isEmpty());
  }

  /** Kills the master's agent as {@code kill -9} would; returns the machine id killed. */
  String killMaster(JsonNode status) {
    String master = status.path("master").asText();
    ProcessHandle.of(pid(status, master)).orElseThrow().destroyForcibly();
    return master;
  }

  /** Machine ids whose member has a vote in {@code status}. */
  static List<String> voters(JsonNode status) {
    List<String> ids = new ArrayList<>();
    status.path("machines").fieldNames().forEachRemaining(ids::add);
    return ids.stream().filter(id -> "has-vote".equals(voteStatus(status, id))).toList();
  }

  static boolean started(JsonNode status, String id) {
    return "started".equals(machine(status, id).path("agent-state").asText());
  }

  /**
   * Agents are separate processes: a test that failed half-way may leave some the destroy
   * above could not reach. Only processes whose command line names this test's home are
   * touched.
   */
  /**
   * Before a failed test's environment goes: every agent's log, and a thread dump of every agent
   * still running (a controller that stops heartbeating is alive but stuck), under
   * {@code target/e2e-failures/<class>.<test>/}.
   */
  private void keepEvidence(ExtensionContext context) {
    Path kept = Path.of("target", "e2e-failures",
        context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
    try {
      Files.createDirectories(kept);
      try (Stream<Path> paths = Files.walk(home)) {
        for (Path log : paths.filter(p -> p.getFileName().toString().equals("agent.out")).toList()) {
          Files.copy(log, kept.resolve(log.getParent().getFileName() + ".out"),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      for (ProcessHandle agent : agentsOfThisHome()) {
        new ProcessBuilder(jcmd.toString(), Long.toString(agent.pid()), "Thread.print")
            .redirectErrorStream(true)
            .redirectOutput(kept.resolve("threads-" + agent.pid() + ".txt").toFile())
            .start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      System.err.println("kept the failed test's agent logs and thread dumps in " + kept.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("could not keep the failed test's agent logs: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<ProcessHandle> agentsOfThisHome() {
    String marker = home.toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .toList();
  }

  private void stopLeftoverAgents() {
    List<ProcessHandle> leftovers = agentsOfThisHome();
    leftovers.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(AGENT_EXIT);
    for (ProcessHandle p : leftovers) {
      while (p.isAlive() && Instant.now().isBefore(deadline)) {
        p.onExit().completeOnTimeout(p, 1, java.util.concurrent.TimeUnit.SECONDS).join();
      }
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  /** Deletes {@code root} and everything under it; nothing if it does not exist. */
  static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
