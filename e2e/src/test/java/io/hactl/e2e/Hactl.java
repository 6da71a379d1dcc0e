package io.hactl.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./hactl} launcher as a user would, in its own {@code HACTL_HOME}. The
 * build already happened (this module runs after every other one), so the launcher is told to
 * skip its up-to-date check.
 */
final class Hactl {

  /** The outcome of one command: its exit code and what it printed. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

  private final Path root;
  private final Path home;
  private final Map<String, String> environment;

  Hactl(Path home) {
    this(home, Map.of());
  }

  /** @param environment variables added to (or replacing) this JVM's for every command */
  Hactl(Path home, Map<String, String> environment) {
    this.root = Path.of(System.getProperty("hactl.root", "..")).toAbsolutePath().normalize();
    this.home = home;
    this.environment = Map.copyOf(environment);
  }

  /** The tree whose launcher and built jars the commands run. */
  Path root() {
    return root;
  }

  Path home() {
    return home;
  }

  Result run(String... args) throws IOException, InterruptedException {
    return runWithInput(null, args);
  }

  /** Runs hactl with {@code input} on its standard input (null: no input at all). */
  Result runWithInput(String input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("hactl").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(root.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("HACTL_HOME", home.toString());
    builder.environment().put("HACTL_SKIP_BUILD", "1");
    builder.environment().put("TERM", "dumb");
    builder.environment().putAll(environment);
    if (input == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
    Process process = builder.start();
    if (input != null) {
      try (var stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("hactl " + String.join(" ", args) + " did not finish within "
          + COMMAND_TIMEOUT.toSeconds() + "s; output so far:\n" + Files.readString(out)
          + Files.readString(err));
    }
    Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
