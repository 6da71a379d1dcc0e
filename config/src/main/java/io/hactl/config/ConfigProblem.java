package io.hactl.config;

/**
 * One problem found while reading configuration.
 *
 * @param location where it is
 * @param message what is wrong and, when known, what would be right
 */
public record ConfigProblem(SourceLocation location, String message) {

  /** {@code file:line:column: path: message}, the form compilers and editors understand. */
  public String describe() {
    String where = location.file() == null ? "<built-in>" : location.file().toString();
    return where + ":" + location.line() + ":" + location.column() + ": " + location.yamlPath()
        + ": " + message;
  }
}
