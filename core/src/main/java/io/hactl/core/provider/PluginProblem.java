package io.hactl.core.provider;

import java.util.Objects;

/**
 * A plugin that could not be loaded, started or used, found while loading the plugins folder.
 * hactl keeps working without it; status and the shell show the problem so the user can act.
 *
 * @param plugin the plugin's id, or its jar file's name when the jar could not even be read
 * @param message what went wrong, one line
 */
public record PluginProblem(String plugin, String message) {
  public PluginProblem {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "plugin " + plugin + ": " + message;
  }
}
