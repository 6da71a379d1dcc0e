package io.hactl.plugins.maas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OAuthPlaintextSignerTest {

  @Test
  void signsWithEmptyConsumerSecretAndTheTokenSecretPercentEncodedTwice() {
    // RFC 5849 3.4.4: signature = encode(consumer secret) & encode(token secret); 3.5.1: the
    // header value is encoded again. A secret with reserved characters shows both steps.
    ApiKey key = new ApiKey("ck", "tk", "a/b+c");
    OAuthPlaintextSigner signer = new OAuthPlaintextSigner(key,
        Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

    String header = signer.authorization();

    assertThat(header).matches("OAuth realm=\"\", oauth_version=\"1.0\", "
        + "oauth_signature_method=\"PLAINTEXT\", oauth_consumer_key=\"ck\", oauth_token=\"tk\", "
        + "oauth_signature=\"%26a%252Fb%252Bc\", oauth_nonce=\"[0-9a-f]{32}\", "
        + "oauth_timestamp=\"1700000000\"");
  }

  @Test
  void usesANewNonceForEveryRequest() {
    OAuthPlaintextSigner signer = new OAuthPlaintextSigner(new ApiKey("ck", "tk", "ts"),
        Clock.systemUTC());

    assertThat(signer.authorization()).isNotEqualTo(signer.authorization());
  }

  @Test
  void percentEncodesAllButUnreservedCharacters() {
    assertThat(OAuthPlaintextSigner.encode("aZ09-._~ &=/é"))
        .isEqualTo("aZ09-._~%20%26%3D%2F%C3%A9");
  }
}
