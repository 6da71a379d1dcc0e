package io.hactl.config;

/**
 * One problem found while reading configuration.
 *
 * @param location where it is
 * @param message what is wrong and, when known, what would be right
 */
public record ConfigProblem(SourceLocation location, String message) {

  /**
   * {@code file:line:column: path: message}, the form compilers and editors understand. A problem
   * with no position in the file (line 0) leaves out line and column; one about the whole document
   * (empty path) leaves out the path.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(
        location.file() == null ? "<built-in>" : location.file().toString());
    if (location.line() > 0) {
      text.append(':').append(location.line()).append(':').append(location.column());
    }
    text.append(": ");
    if (location.yamlPath() != null && !location.yamlPath().isEmpty()) {
      text.append(location.yamlPath()).append(": ");
    }
    return text.append(message).toString();
  }
}
