package io.hactl.plugins.maas;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A MAAS API key, {@code consumer_key:token_key:token_secret} as MAAS shows it on a user's
 * preferences page or prints with {@code maas apikey --username NAME}. The whole key is a
 * credential: {@link #toString()} never shows any part of it.
 *
 * @param consumerKey the OAuth consumer key
 * @param tokenKey the OAuth token key
 * @param tokenSecret the OAuth token secret
 */
record ApiKey(String consumerKey, String tokenKey, String tokenSecret) {
  /** Each part is printable ASCII without the separator or white space. */
  private static final Pattern PART = Pattern.compile("[!-9;-~]+");

  ApiKey {
    for (String part : new String[] {consumerKey, tokenKey, tokenSecret}) {
      if (part == null || !PART.matcher(part).matches()) {
        throw new IllegalArgumentException(FORMAT_HINT);
      }
    }
  }

  /** What a valid key looks like; never includes the value given. */
  static final String FORMAT_HINT = "must be a MAAS API key of the form "
      + "consumer_key:token_key:token_secret (three non-empty parts without spaces), "
      + "as printed by `maas apikey --username NAME`";

  /** The key, when {@code text} is one; the text itself is never put in an error. */
  static Optional<ApiKey> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.trim().split(":", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ApiKey(parts[0], parts[1], parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "ApiKey[<hidden>]";
  }
}
