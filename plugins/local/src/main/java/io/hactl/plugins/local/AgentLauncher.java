package io.hactl.plugins.local;

import io.hactl.plugin.api.AgentDistribution;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts one agent JVM, detached from the client: its own session (so Ctrl-C in the client's
 * terminal does not reach it), stdin from /dev/null and stdout/stderr appended to a log file (so
 * it never blocks on, or dies with, the client's pipes).
 */
final class AgentLauncher {
  /** util-linux's setsid: execs the command in a new session without forking a second process. */
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final File DEV_NULL = new File("/dev/null");

  private AgentLauncher() {}

  /**
   * @param agent how to run the agent
   * @param extraJvmOptions options from the provider settings; placed last so they win
   * @param agentArguments the agent's own arguments ({@code --config ...})
   * @param workingDirectory the machine's folder
   * @param log the file stdout and stderr are appended to
   */
  static Process start(AgentDistribution agent, List<String> extraJvmOptions,
      List<String> agentArguments, Path workingDirectory, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.add(agent.javaExecutable().toString());
    command.addAll(agent.jvmOptions());
    command.addAll(extraJvmOptions);
    command.add("-cp");
    command.add(agent.classpath().stream().map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator)));
    command.add(agent.mainClass());
    command.addAll(agentArguments);
    return new ProcessBuilder(command)
        .directory(workingDirectory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectErrorStream(true)
        .start();
  }

  /**
   * Writes a file that holds secrets. It is created with mode 0600 before any byte is written, so
   * the content is never readable by others, not even for a moment.
   */
  static void writeSecretFile(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** Creates a folder readable only by its owner: it holds the agent's config and data. */
  static void createPrivateDirectory(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
    }
  }

  /** The last non-blank line of the agent's log, to say why it stopped. */
  static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).strip();
        }
      }
      return "(its log is empty)";
    } catch (IOException e) {
      return "(its log cannot be read: " + e.getMessage() + ")";
    }
  }
}
