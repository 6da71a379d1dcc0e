package io.hactl.plugins.lxd;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * LXD's remote API over HTTPS: the client proves itself with a certificate the daemon trusts
 * ({@code lxc config trust add}), and trusts exactly the daemon's certificate it was given.
 */
final class HttpsTransport implements LxdTransport {
  private final URI endpoint;
  private final HttpClient client;
  private final Duration requestTimeout;

  /**
   * @param endpoint e.g. {@code https://127.0.0.1:8443}
   * @param tls holds the client certificate and the pinned server certificate
   * @param requestTimeout bound on one exchange; operation waits ask LXD for less than this
   */
  HttpsTransport(URI endpoint, SSLContext tls, Duration requestTimeout) {
    this.endpoint = endpoint;
    this.requestTimeout = requestTimeout;
    this.client = HttpClient.newBuilder()
        .sslContext(tls)
        .connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  @Override
  public Response exchange(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(requestTimeout)
        .header("User-Agent", "hactl-lxd");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = client.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }

  @Override
  public String describe() {
    return endpoint.toString();
  }
}
