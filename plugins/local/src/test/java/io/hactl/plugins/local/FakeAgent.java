package io.hactl.plugins.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Stands in for hactl's machine agent ({@code io.hactl.agent.AgentMain}) in the local provider's
 * tests: a real, separate JVM that takes the agent's command line, writes one line to its log
 * (stdout), binds the state port it was given on the given address (as a controller's member
 * would), and then waits until it is terminated.
 */
public final class FakeAgent {
  /** Held in a field so that the socket stays open (and bound) for the JVM's whole life. */
  private static ServerSocket member;

  private FakeAgent() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> arguments = Arrays.asList(args);
    Path config = Path.of(valueOf(arguments, "--config"));
    String address = valueOf(arguments, "--address");
    String statePort = arguments.contains("--state-port") ? valueOf(arguments, "--state-port") : "";
    // Reading the config proves the file exists and is readable by its owner.
    Files.readString(config);
    if (!statePort.isEmpty()) {
      member = new ServerSocket();
      member.bind(new InetSocketAddress(InetAddress.getByName(address),
          Integer.parseInt(statePort)));
    }
    System.out.println("fake agent " + ProcessHandle.current().pid() + " up: config=" + config
        + " address=" + address + " state-port=" + statePort);
    if (arguments.contains("--mongod-path")) {
      // A controller's agent is told which mongod to run should its environment use one.
      String mongod = valueOf(arguments, "--mongod-path");
      System.out.println("fake agent mongod-path=" + mongod);
      if (Files.isExecutable(Path.of(mongod))) {
        // Like a controller of controller-db: mongod: a child naming the machine's folder.
        new ProcessBuilder(mongod, "--dbpath", config.getParent().resolve("mongod-db")
            .toString()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      }
    }
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static String valueOf(List<String> arguments, String flag) {
    int index = arguments.indexOf(flag);
    if (index < 0 || index + 1 >= arguments.size()) {
      throw new IllegalArgumentException("missing " + flag + " in " + arguments);
    }
    return arguments.get(index + 1);
  }
}
