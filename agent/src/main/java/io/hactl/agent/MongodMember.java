package io.hactl.agent;

import io.hactl.core.agent.AgentConfig;
import io.hactl.core.state.MemberLeadership;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStores;
import io.hactl.core.store.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's real mongod ({@code controller-db: mongod}). On the local provider the agent
 * runs it as a supervised child ({@link MongodProcess}, given {@code --mongod-path}); on cloud
 * machines systemd runs it and the agent only waits for it to answer.
 *
 * <p>The first controller (bootstrap's machine 0: its config names no other controller) then
 * prepares the set over loopback, the one interface a mongod with {@code --keyFile} accepts an
 * unauthenticated client on (the localhost exception): it initiates the one-member set, naming
 * the member by the address its peers reach, and creates the administrator every client then
 * logs in as ({@link StateCredentials}). The client's bootstrap waits for that administrator.
 * Members added later by enable-ha join through {@code replSetReconfig} and receive the user
 * by replication, as mongod's documentation prescribes.
 */
final class MongodMember implements DbMember {

  /** A mongod's first start preallocates files: seconds on a loaded machine. */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PREPARE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(2);
  private static final int GIVE_UP_AFTER_EXITS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(MongodMember.class);

  private final MongodCommand command;
  private final MongodProcess process;
  private final MemberLeadership leadership;

  private MongodMember(MongodCommand command, MongodProcess process) {
    this.command = command;
    this.process = process;
    this.leadership = StateStores.leadershipOf(command.loopbackAddress(), HELLO_TIMEOUT);
  }

  /**
   * Starts (or finds) the controller's mongod, waits for it to answer and, on the first
   * controller, prepares the set.
   *
   * @throws MongodUnavailableException when the binary is missing or mongod never answers
   */
  static MongodMember start(AgentArguments arguments, AgentConfig config, Path data)
      throws IOException {
    if (arguments.statePort() == 0) {
      throw new IllegalArgumentException("a controller agent needs --state-port");
    }
    Path keyFile = data.resolve("keyfile");
    Path dbPath = data.resolve("mongod-db");
    MongodCommand command = new MongodCommand(config.replicaSet(), arguments.statePort(),
        arguments.address(), dbPath, keyFile);
    MongodProcess process = null;
    Optional<String> path = arguments.mongodPath();
    if (path.isPresent()) {
      Path executable = MongodExecutable.resolve(path.get(), System.getenv("PATH"))
          .orElseThrow(() -> new MongodUnavailableException(
              MongodExecutable.missing(path.get(), config.machineId())));
      // mongod refuses a keyfile that others may read; 0600 is what it accepts and what the
      // agent's own secrets get.
      SecureFiles.writeOwnerOnly(keyFile, config.secret() + "\n");
      if (!Files.isDirectory(dbPath)) {
        Files.createDirectories(dbPath, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      }
      process = MongodProcess.start(command, executable, data.resolve("mongod.log"));
    }
    MongodMember member = new MongodMember(command, process);
    try {
      member.awaitAnswer(config.machineId());
      if (config.stateAddresses().isEmpty()) {
        member.prepareSet(config);
      }
    } catch (RuntimeException e) {
      member.close();
      throw e;
    }
    LOG.info("mongod member of {} answering at {}", config.replicaSet(), member.address());
    return member;
  }

  private void awaitAnswer(String machineId) {
    Instant deadline = Instant.now().plus(ANSWER_TIMEOUT);
    while (!StateStores.answersHello(command.loopbackAddress(), Duration.ofMillis(500))) {
      if (process != null && process.exits() >= GIVE_UP_AFTER_EXITS) {
        // A mongod that refuses its flags, its folder or its keyfile exits at once, every time.
        throw new MongodUnavailableException("the mongod of machine " + machineId + " exited "
            + process.exits() + " times before it answered; its last words: "
            + process.lastOutput() + " (see mongod.log beside the agent's log)");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new MongodUnavailableException("the mongod of machine " + machineId + " did not"
            + " answer at " + command.loopbackAddress() + " within " + ANSWER_TIMEOUT.toSeconds()
            + "s; see " + (process == null ? "journalctl -u hactl-mongod" : "its log mongod.log"
            + " beside the agent's"));
      }
      pause();
    }
  }

  /**
   * Initiates the set unless it was (a restarted agent), then creates the administrator unless
   * it exists. Creating is idempotent, and done again when this member is the primary of an
   * initiated set, so an agent that died between the two steps finishes the job on restart.
   */
  private void prepareSet(AgentConfig config) {
    StateCredentials credentials = StateCredentials.forSecret(config.secret(), true);
    String loopback = command.loopbackAddress();
    boolean initiated = StateStores.initiated(loopback, HELLO_TIMEOUT);
    if (!initiated) {
      LOG.info("initiating replica set {} with member {}", config.replicaSet(), address());
      StateStores.initiate(loopback, address(), config.replicaSet(), PREPARE_TIMEOUT);
    } else if (!leadership.isPrimary()) {
      return;
    }
    try {
      if (StateStores.createAdministrator(loopback, credentials, PREPARE_TIMEOUT)) {
        LOG.info("administrator {} of replica set {} in place", credentials.user(),
            config.replicaSet());
      } else {
        // The embedded member standing in for mongod (tests): nobody logs in to it.
        LOG.info("the member at {} manages no users (it is not a mongod): replica set {} runs"
            + " without client authentication", loopback, config.replicaSet());
      }
    } catch (StateException e) {
      if (!initiated) {
        throw e;
      }
      LOG.warn("cannot check the administrator on restart: {}", e.getMessage());
    }
  }

  @Override
  public String address() {
    return command.memberAddress();
  }

  @Override
  public boolean isPrimary() {
    return leadership.isPrimary();
  }

  @Override
  public long term() {
    return leadership.term();
  }

  @Override
  public void close() {
    leadership.close();
    if (process != null) {
      process.close();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MongodUnavailableException("interrupted while waiting for mongod");
    }
  }
}
