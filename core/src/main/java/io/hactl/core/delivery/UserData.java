package io.hactl.core.delivery;

import java.util.Objects;

/**
 * Rendered cloud-init user data. It holds the agent's config, secrets included, so it is never
 * printed: {@link #toString()} says only how long it is.
 *
 * @param text the user data, starting with {@code #cloud-config}; empty when the provider's
 *     machines need none
 */
public record UserData(String text) {

  /** No user data: for providers whose machines share this host's files. */
  public static final UserData NONE = new UserData("");

  public UserData {
    Objects.requireNonNull(text, "text");
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  @Override
  public String toString() {
    return "UserData[<hidden>, " + text.length() + " chars]";
  }
}
