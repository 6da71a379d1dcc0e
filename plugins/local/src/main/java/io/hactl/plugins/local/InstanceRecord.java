package io.hactl.plugins.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What the local provider remembers about one agent process it started, so that a later client
 * process (a one-shot CLI run) can list and stop it. Kept as a properties file per instance.
 *
 * @param instanceId {@code <environment>-machine-<id>}
 * @param machineId the hactl machine id
 * @param pid the agent JVM's process id
 * @param startTime when that process started, to tell it from a later process that reuses the pid;
 *     empty when the platform does not report it
 * @param statePort the replica-set member's port for a controller, 0 for a plain machine
 * @param address the address the agent listens on
 * @param dataDir the machine's folder (config, data, log)
 * @param log the agent's stdout/stderr file
 */
record InstanceRecord(
    String instanceId,
    String machineId,
    long pid,
    Optional<Instant> startTime,
    int statePort,
    String address,
    Path dataDir,
    Path log) {

  /**
   * How far apart two readings of one process's start time may be. Linux derives it from clock
   * ticks since boot, so two JVMs can round it differently; a pid reused within a second of the
   * first start is not a realistic case.
   */
  private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

  /** The live process this record describes, if it is still running. */
  Optional<ProcessHandle> liveProcess() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(handle -> startTime.isEmpty() || sameStart(handle.info().startInstant()));
  }

  private boolean sameStart(Optional<Instant> observed) {
    return observed
        .map(start -> Duration.between(start, startTime.get()).abs()
            .compareTo(START_TIME_TOLERANCE) <= 0)
        .orElse(true);
  }

  void write(Path file) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("instance-id", instanceId);
    properties.setProperty("machine-id", machineId);
    properties.setProperty("pid", Long.toString(pid));
    properties.setProperty("start-time", startTime.map(Instant::toString).orElse(""));
    properties.setProperty("state-port", Integer.toString(statePort));
    properties.setProperty("address", address);
    properties.setProperty("data-dir", dataDir.toString());
    properties.setProperty("log", log.toString());
    // Write then rename, so that a reader never sees half a record.
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      properties.store(writer, "hactl local provider instance");
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static InstanceRecord read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    try {
      String start = required(properties, "start-time", file);
      return new InstanceRecord(
          required(properties, "instance-id", file),
          required(properties, "machine-id", file),
          Long.parseLong(required(properties, "pid", file)),
          start.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(start)),
          Integer.parseInt(required(properties, "state-port", file)),
          required(properties, "address", file),
          Path.of(required(properties, "data-dir", file)),
          Path.of(required(properties, "log", file)));
    } catch (RuntimeException e) {
      throw new IOException("instance record " + file + " is damaged: " + e.getMessage(), e);
    }
  }

  private static String required(Properties properties, String key, Path file) throws IOException {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IOException("instance record " + file + " has no " + key);
    }
    return value;
  }
}
