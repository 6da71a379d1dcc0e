package io.hactl.shell.render;

/** How a command prints its result: aligned text for people, YAML or JSON for scripts. */
public enum OutputFormat {
  TABULAR,
  YAML,
  JSON;

  /** The spelling users type, e.g. {@code json}. */
  public String flagValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
