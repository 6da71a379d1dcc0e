package io.hactl.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Configuration that cannot be used, with every problem found in it. The message is meant to be
 * printed as it is: a summary line, then one {@code file:line:column: path: message} line per
 * problem, the form editors jump to.
 */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final transient List<ConfigProblem> problems;

  /**
   * @param file the configuration file, or null for the built-in configuration
   * @param problems at least one problem, in the order found
   */
  public ConfigException(Path file, List<ConfigProblem> problems) {
    super(null, null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /** The configuration file, or null for the built-in configuration. */
  public Path file() {
    return file;
  }

  /** Every problem, in the order found (file order, except that syntax errors stop reading). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  @Override
  public String getMessage() {
    StringBuilder message = new StringBuilder("invalid configuration in ")
        .append(file == null ? "the built-in configuration" : file.toString())
        .append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (ConfigProblem problem : problems) {
      message.append('\n').append(problem.describe());
    }
    return message.toString();
  }
}
