package io.hactl.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mongod the agent runs as its child (the local provider; cloud machines have systemd run it)
 * and keeps running: when mongod exits unasked, it is started again after a pause that doubles
 * up to {@link #MAX_BACKOFF}, as systemd's {@code Restart=always} would. Its output is appended
 * to a log file beside the agent's. {@link #close()} stops it with SIGTERM, then SIGKILL after
 * {@link #GRACE}, so its data is flushed when it can be.
 */
final class MongodProcess implements AutoCloseable {

  static final Duration GRACE = Duration.ofSeconds(10);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(MongodProcess.class);

  private final ProcessBuilder builder;
  private final Path log;
  private final Thread supervisor;
  private Process process;
  private boolean closed;
  private int exits;

  private MongodProcess(ProcessBuilder builder, Path log) throws IOException {
    this.builder = builder;
    this.log = log;
    this.process = builder.start();
    this.supervisor = new Thread(this::supervise, "mongod-supervisor");
    this.supervisor.setDaemon(true);
    this.supervisor.start();
  }

  /** Starts {@code command} with the resolved {@code executable}, output appended to log. */
  static MongodProcess start(MongodCommand command, Path executable, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command.arguments(executable.toString()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectErrorStream(true);
    LOG.info("starting mongod: {} (output in {})", String.join(" ", builder.command()), log);
    return new MongodProcess(builder, log);
  }

  /** The running mongod's process id. */
  synchronized long pid() {
    return process.pid();
  }

  /** How many times mongod exited unasked since it was first started. */
  synchronized int exits() {
    return exits;
  }

  /** The last non-blank line mongod wrote, to say why it keeps exiting. */
  String lastOutput() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).strip();
        }
      }
      return "(it wrote nothing)";
    } catch (IOException e) {
      return "(its log " + log + " cannot be read: " + e.getMessage() + ")";
    }
  }

  private void supervise() {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      Process current;
      synchronized (this) {
        current = process;
      }
      int code;
      try {
        code = current.waitFor();
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (closed) {
          return;
        }
        exits++;
      }
      LOG.warn("mongod (pid {}) exited with code {}; starting it again in {} ms", current.pid(),
          code, backoff.toMillis());
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
          : backoff.multipliedBy(2);
      synchronized (this) {
        if (closed) {
          return;
        }
        try {
          process = builder.start();
        } catch (IOException e) {
          LOG.error("cannot start mongod again: {}", e.getMessage());
        }
      }
    }
  }

  @Override
  public void close() {
    Process current;
    synchronized (this) {
      closed = true;
      current = process;
    }
    supervisor.interrupt();
    current.destroy();
    try {
      if (!current.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("mongod (pid {}) did not stop within {}s of SIGTERM; killing it", current.pid(),
            GRACE.toSeconds());
        current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      current.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
