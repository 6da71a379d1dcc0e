package io.hactl.config;

import java.nio.file.Path;

/**
 * Where something was written in a configuration file.
 *
 * @param file the file, or null for built-in configuration
 * @param line 1-based line
 * @param column 1-based column
 * @param yamlPath the dotted path of the key, e.g. {@code environments.prod.state-port}
 */
public record SourceLocation(Path file, int line, int column, String yamlPath) {}
