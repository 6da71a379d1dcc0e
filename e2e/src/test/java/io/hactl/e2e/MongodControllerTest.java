package io.hactl.e2e;

import static io.hactl.e2e.StatusProbe.machine;
import static io.hactl.e2e.StatusProbe.pid;
import static io.hactl.e2e.StatusProbe.voteStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code controller-db: mongod} on the local provider, end to end: controllers' agents run
 * {@code mongod} as supervised children with mongod's flags, bootstrap waits for the set the
 * first one initiates, enable-ha grows it with {@code replSetReconfig}, losing the master's
 * machine elects another, and destroy leaves no process behind.
 *
 * <p>No mongod can be installed on these machines, so the {@code mongod} first on PATH here is
 * a shim that execs hactl's embedded member ({@code DbMemberMain}, which takes mongod's flags).
 * Everything hactl does is real (finding the binary, the command line, supervision, initiate,
 * reconfig, election, leadership from {@code hello}); what the shim cannot prove is mongod's
 * own side: the keyfile's access control and the SCRAM administrator, which the embedded
 * member does not implement (hactl detects that and connects without logging in).
 */
@Tag("e2e")
class MongodControllerTest {

  private static final Duration CONVERGE = Duration.ofSeconds(120);
  private static final Duration EXIT = Duration.ofSeconds(30);

  private Path home;
  private Path shims;
  private Hactl hactl;
  private StatusProbe probe;

  @BeforeEach
  void setUp() throws Exception {
    home = Files.createTempDirectory("hactl-e2e-mongod-home-");
    shims = Files.createTempDirectory("hactl-e2e-mongod-bin-");
    Path root = new Hactl(home).root();
    Path shim = shims.resolve("mongod");
    Files.writeString(shim, "#!/bin/sh\n"
        + "# Stands in for mongod: hactl's embedded member takes mongod's flags.\n"
        + "exec java -Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '"
        + root.resolve("agent/target/hactl-agent.jar") + ":" + root.resolve("agent/target/lib")
        + "/*' io.hactl.replicaset.DbMemberMain \"$@\"\n");
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
    hactl = new Hactl(home, Map.of("PATH", shims + ":" + System.getenv("PATH")));
    probe = new StatusProbe(hactl);
  }

  @AfterEach
  void destroyAndStopLeftovers() throws Exception {
    try {
      if (Files.exists(home.resolve("data/environments/local"))) {
        hactl.run("destroy-environment", "-y");
      }
    } finally {
      List<ProcessHandle> leftovers = processesNaming(home);
      leftovers.forEach(ProcessHandle::destroyForcibly);
      leftovers.forEach(p -> p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join());
      BootstrappedEnvironment.deleteTree(home);
      BootstrappedEnvironment.deleteTree(shims);
    }
  }

  @Test
  void bootstrapsGrowsToThreeFailsOverAndDestroysWithMongodMembers() throws Exception {
    environment("");
    Hactl.Result bootstrap = hactl.run("bootstrap");
    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isZero();

    JsonNode one = probe.await("machine 0 the master with a primary member", CONVERGE,
        s -> "0".equals(s.path("master").asText())
            && "PRIMARY".equals(machine(s, "0").path("member").path("state").asText()));
    long agent0 = pid(one, "0");
    int port0 = machine(one, "0").path("ports").path("state").asInt();
    ProcessHandle mongod0 = mongodOf(agent0).orElseThrow(
        () -> new AssertionError("machine 0's agent runs no mongod child"));
    Path machineDir = home.resolve("data/environments/local/provider/machine-0");
    List<String> flags = arguments(mongod0);
    assertThat(flags).containsSubsequence("--port", Integer.toString(port0))
        .containsSubsequence("--bind_ip", "127.0.0.1")
        .containsSubsequence("--dbpath", machineDir.resolve("mongod-db").toString())
        .containsSubsequence("--keyFile", machineDir.resolve("keyfile").toString());
    assertThat(flags.get(flags.indexOf("--replSet") + 1)).startsWith("hactl-");
    // The set's key, the one the client keeps, readable by its owner only, as mongod demands.
    assertThat(Files.readString(machineDir.resolve("keyfile")).strip())
        .isEqualTo(Files.readString(home.resolve("data/environments/local/secret")).strip());
    assertThat(Files.getPosixFilePermissions(machineDir.resolve("keyfile")))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    Hactl.Result enableHa = hactl.run("enable-ha");
    assertThat(enableHa.exitCode()).as(enableHa.toString()).isZero();
    JsonNode three = probe.await("three voting controllers", CONVERGE,
        s -> Stream.of("0", "1", "2").allMatch(id -> "has-vote".equals(voteStatus(s, id))));
    for (String id : List.of("1", "2")) {
      assertThat(mongodOf(pid(three, id))).as("machine " + id + "'s agent runs a mongod")
          .isPresent();
    }

    // Losing the master's machine: its agent and its mongod both die.
    String oldMaster = three.path("master").asText();
    long oldAgent = pid(three, oldMaster);
    mongodOf(oldAgent).ifPresent(ProcessHandle::destroyForcibly);
    ProcessHandle.of(oldAgent).ifPresent(ProcessHandle::destroyForcibly);
    probe.await("a new master after machine " + oldMaster + " was lost", CONVERGE,
        s -> !s.path("master").asText().isEmpty()
            && !s.path("master").asText().equals(oldMaster));

    List<ProcessHandle> running = processesNaming(home);
    Hactl.Result destroy = hactl.run("destroy-environment", "-y");
    assertThat(destroy.exitCode()).as(destroy.toString()).isZero();
    for (ProcessHandle process : running) {
      assertThat(process.onExit().completeOnTimeout(process, EXIT.toSeconds(), TimeUnit.SECONDS)
          .join().isAlive()).as("process " + process.pid() + " stopped").isFalse();
    }
    assertThat(processesNaming(home)).as("no agent nor mongod left").isEmpty();
  }

  @Test
  void bootstrapFailsInOneLineWhenMongodIsMissing() throws Exception {
    environment("    mongod-path: " + shims.resolve("no-such-mongod") + "\n");
    Hactl.Result bootstrap = hactl.run("bootstrap");

    assertThat(bootstrap.exitCode()).as(bootstrap.toString()).isEqualTo(1);
    List<String> errors = bootstrap.err().lines().filter(l -> !l.contains("warning")
        && !l.contains("WARN")).toList();
    // The agent's own words, whether the provider saw it exit at once or bootstrap saw its
    // instance stop while waiting for the member.
    assertThat(errors).as(bootstrap.toString()).singleElement().asString()
        .contains("machine 0")
        .contains("no executable file " + shims.resolve("no-such-mongod"))
        .contains("MongoDB 4.4").contains("mongod-path");
  }

  private void environment(String settings) throws IOException {
    Files.writeString(home.resolve("environments.yaml"), "environments:\n"
        + "  local:\n"
        + "    type: local\n"
        + "    controller-db: mongod\n"
        + settings);
  }

  /** The shim's JVM: the agent's child that runs DbMemberMain. */
  private static Optional<ProcessHandle> mongodOf(long agentPid) {
    return ProcessHandle.of(agentPid).stream().flatMap(ProcessHandle::children)
        .filter(p -> p.info().commandLine().orElse("").contains("DbMemberMain"))
        .findFirst();
  }

  private static List<String> arguments(ProcessHandle process) {
    return Arrays.asList(process.info().arguments().orElse(new String[0]));
  }

  private static List<ProcessHandle> processesNaming(Path home) {
    String marker = home.toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .toList();
  }
}
