package io.hactl.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where hactl keeps its files. Pure path arithmetic: nothing here reads or creates anything.
 *
 * <p>{@code HACTL_HOME}, when set, holds everything (tests and demos use it): the configuration at
 * {@code $HACTL_HOME/environments.yaml} and data under {@code $HACTL_HOME/data}, so the
 * configuration stays easy to find. Otherwise the XDG base directories apply: configuration in
 * {@code ${XDG_CONFIG_HOME:-$HOME/.config}/hactl/environments.yaml}, data in
 * {@code ${XDG_DATA_HOME:-$HOME/.local/share}/hactl}.
 *
 * @param configFile environments.yaml (it need not exist)
 * @param dataDirectory the directory of everything hactl writes
 */
public record HactlPaths(Path configFile, Path dataDirectory) {

  public static final String HACTL_HOME = "HACTL_HOME";
  public static final String CONFIG_FILE_NAME = "environments.yaml";

  /** Paths from {@code env}, normally {@link System#getenv()}. */
  public static HactlPaths fromEnvironment(Map<String, String> env) {
    String hactlHome = env.get(HACTL_HOME);
    if (hactlHome != null && !hactlHome.isEmpty()) {
      Path home = Path.of(hactlHome);
      return new HactlPaths(home.resolve(CONFIG_FILE_NAME), home.resolve("data"));
    }
    Path userHome = Path.of(nonEmpty(env.get("HOME"), System.getProperty("user.home")));
    Path configHome = xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config"));
    Path dataHome = xdg(env, "XDG_DATA_HOME", userHome.resolve(".local").resolve("share"));
    return new HactlPaths(configHome.resolve("hactl").resolve(CONFIG_FILE_NAME),
        dataHome.resolve("hactl"));
  }

  /** Everything hactl keeps about one environment. */
  public Path environmentDirectory(String environmentName) {
    return dataDirectory.resolve("environments").resolve(environmentName);
  }

  /** The client store: known environments, controller addresses, the current environment. */
  public Path clientStoreFile() {
    return dataDirectory.resolve("client.yaml");
  }

  /** The REPL's command history. */
  public Path historyFile() {
    return dataDirectory.resolve("history");
  }

  /** Provider plugins the user installed. */
  public Path pluginsDirectory() {
    return dataDirectory.resolve("plugins");
  }

  /** The XDG specification says a relative value is invalid and must be ignored. */
  private static Path xdg(Map<String, String> env, String variable, Path fallback) {
    String value = env.get(variable);
    return value != null && !value.isEmpty() && Path.of(value).isAbsolute()
        ? Path.of(value) : fallback;
  }

  private static String nonEmpty(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
