package io.hactl.plugins.maas;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Signs MAAS API requests with OAuth 1.0a PLAINTEXT (RFC 5849 §3.4.4), the scheme MAAS uses for
 * API keys: the signature is {@code consumer_secret&token_secret}, and MAAS's consumer secret is
 * empty. PLAINTEXT sends the secret itself, which is why endpoints other than loopback should be
 * {@code https}.
 *
 * <p>The header is {@code OAuth realm="", oauth_version="1.0", ...} with every value
 * percent-encoded as RFC 5849 §3.5.1 asks, so the signature {@code &secret} goes out as
 * {@code %26secret}, the form MAAS's own clients send.
 */
final class OAuthPlaintextSigner {
  private final ApiKey key;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  OAuthPlaintextSigner(ApiKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** A fresh {@code Authorization} header value: new nonce, current timestamp. */
  String authorization() {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String signature = encode("") + "&" + encode(key.tokenSecret());
    return "OAuth realm=\"\""
        + ", oauth_version=\"1.0\""
        + ", oauth_signature_method=\"PLAINTEXT\""
        + ", oauth_consumer_key=\"" + encode(key.consumerKey()) + "\""
        + ", oauth_token=\"" + encode(key.tokenKey()) + "\""
        + ", oauth_signature=\"" + encode(signature) + "\""
        + ", oauth_nonce=\"" + HexFormat.of().formatHex(nonce) + "\""
        + ", oauth_timestamp=\"" + clock.instant().getEpochSecond() + "\"";
  }

  /** RFC 5849 §3.6: RFC 3986 percent-encoding; only unreserved characters stay as they are. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
