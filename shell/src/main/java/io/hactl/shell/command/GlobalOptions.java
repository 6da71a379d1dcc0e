package io.hactl.shell.command;

import picocli.CommandLine.Option;

/**
 * Options every command accepts, before or after the verb: {@code hactl -e prod status} and
 * {@code hactl status -e prod} mean the same.
 */
public final class GlobalOptions {

  @Option(names = {"-e", "--environment"}, paramLabel = "NAME",
      description = "Act on environment NAME instead of the current one.")
  String environment;

  @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
  boolean verbose;

  public String environment() {
    return environment;
  }

  public boolean verbose() {
    return verbose;
  }
}
