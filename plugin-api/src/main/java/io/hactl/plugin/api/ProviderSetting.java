package io.hactl.plugin.api;

import java.util.Objects;

/**
 * One setting a provider accepts in the provider section of an environment, as listed by {@code
 * hactl providers} and checked by the default {@link Provider#validateSettings}.
 *
 * <pre>{@code
 * new ProviderSetting("region", "AWS region, e.g. eu-west-1", true, false)
 * new ProviderSetting("api-key", "MAAS API key consumer:token:secret", true, true)
 * }</pre>
 *
 * @param name the key as written in environments.yaml, e.g. {@code region}
 * @param description what the setting does, one line, with an example value when useful
 * @param required true when an environment of this provider must set it
 * @param secret true when its value is a secret (or a reference to one): hactl never prints the
 *     value
 * @since 0.2
 */
public record ProviderSetting(String name, String description, boolean required, boolean secret) {
  public ProviderSetting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a setting needs a name");
    }
  }
}
