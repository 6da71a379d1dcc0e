package io.hactl.plugins.maas;

import io.hactl.plugin.api.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that talks HTTP to MAAS's 2.0 API: signs each request, sends it, and repeats it
 * while MAAS answers 503 (see {@link RetryPolicy}). Every other status is returned to the caller,
 * which knows what the call meant; I/O failures and interruption become {@link
 * ProviderException}s here.
 *
 * <p>Redirects are not followed, so the signed header is never sent anywhere but the configured
 * endpoint.
 */
final class MaasClient {
  private final MaasSettings settings;
  private final OAuthPlaintextSigner signer;
  private final RetryPolicy policy;
  private final HttpClient http;

  MaasClient(MaasSettings settings, OAuthPlaintextSigner signer, RetryPolicy policy,
      HttpClient http) {
    this.settings = settings;
    this.signer = signer;
    this.policy = policy;
    this.http = http;
  }

  /** {@code GET <api>/<path>?<query>}. */
  MaasResponse get(String path, Form query, String purpose) throws ProviderException {
    URI uri = settings.apiBase().resolve(path + (query.isEmpty() ? "" : "?" + query.encoded()));
    return send(() -> HttpRequest.newBuilder(uri).GET(), purpose);
  }

  /** {@code POST <api>/<path>?op=<op>} with the form as body. */
  MaasResponse post(String path, String op, Form form, String purpose) throws ProviderException {
    URI uri = settings.apiBase().resolve(path + "?op=" + op);
    String body = form.encoded();
    return send(() -> HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), purpose);
  }

  private MaasResponse send(Supplier<HttpRequest.Builder> start, String purpose) throws ProviderException {
    for (int attempt = 1; ; attempt++) {
      HttpRequest request = start.get()
          .timeout(policy.requestTimeout())
          .header("Accept", "application/json")
          // A fresh nonce and timestamp for every try: MAAS refuses a reused nonce.
          .header("Authorization", signer.authorization())
          .build();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unanswered(interrupted(purpose, e).getMessage(), e);
      } catch (IOException e) {
        throw new Unanswered("cannot reach MAAS at " + settings.endpoint() + " to "
            + purpose + ": " + describe(e) + "; check the endpoint setting and that MAAS is up",
            e);
      }
      if (response.statusCode() != 503 || attempt >= policy.attempts()) {
        return new MaasResponse(response.statusCode(), response.body(), attempt);
      }
      Duration wait = policy.delayAfter(attempt, retryAfter(response).orElse(null));
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(purpose, e);
      }
    }
  }

  /**
   * A request that was sent (or may have been) but whose answer never came: MAAS may have
   * carried it out. An interrupt while waiting to retry after a 503 is not one (MAAS answered
   * that it did nothing).
   */
  static final class Unanswered extends ProviderException {
    private static final long serialVersionUID = 1L;

    Unanswered(String message, Exception cause) {
      super(message, cause);
    }
  }

  private ProviderException interrupted(String purpose, InterruptedException cause) {
    return new ProviderException("interrupted while asking MAAS at " + settings.endpoint()
        + " to " + purpose, cause);
  }

  /** MAAS may say how long to wait, in seconds; an HTTP date or junk is ignored. */
  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        long seconds = Long.parseLong(value.trim());
        return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? ""
        : " (" + message + ")");
  }
}
