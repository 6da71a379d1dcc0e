package io.hactl.plugin.api;

import java.util.Objects;

/**
 * One problem with one provider setting, as returned by {@link Provider#validateSettings}.
 *
 * @param key the setting's key as written in environments.yaml
 * @param message what is wrong and, when known, what would be right
 * @since 0.1
 */
public record SettingProblem(String key, String message) {
  public SettingProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }
}
