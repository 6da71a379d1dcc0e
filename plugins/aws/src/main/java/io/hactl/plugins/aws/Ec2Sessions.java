package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;

/**
 * Builds the EC2 client of one provider call from the settings: the region and credentials they
 * name (or, on a controller, the credentials hactl handed back in the context), the endpoint override if any (checked by the {@link EndpointPolicy} first), the JDK's
 * URLConnection HTTP client (so the plugin needs neither Netty nor Apache HTTP), and no SDK
 * retries: {@link Ec2Calls} retries throttling itself, within a bound.
 */
final class Ec2Sessions {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final CredentialsResolver credentials;
  private final EndpointPolicy endpoints;
  private final Backoff backoff;

  /** What a controller cannot look up itself: the key the client's settings name. */
  Map<String, String> resolveCredentials(AwsSettings settings) throws ProviderException {
    return credentials.resolved(settings);
  }

  Ec2Sessions(Function<String, String> environment, EndpointPolicy endpoints, Backoff backoff) {
    this.credentials = new CredentialsResolver(environment);
    this.endpoints = endpoints;
    this.backoff = backoff;
  }

  /** A session with the credentials the settings name, looked up where this process runs. */
  Ec2Session open(AwsSettings settings) throws ProviderException {
    return open(settings, Map.of());
  }

  /**
   * A session for a call with {@code context}: the credentials hactl handed back in the context
   * (on a controller) when there are any, else those the settings name, looked up here.
   */
  Ec2Session open(AwsSettings settings, Map<String, String> given) throws ProviderException {
    endpoints.check(settings.endpoint());
    AwsCredentialsProvider keys = given.isEmpty() ? credentials.resolve(settings)
        : CredentialsResolver.given(given);
    Ec2ClientBuilder builder = Ec2Client.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(keys)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    SdkHttpClient http = UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(READ_TIMEOUT)
        .build();
    Ec2Client client;
    try {
      client = builder.httpClient(http).build();
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
    Ec2Calls calls = new Ec2Calls(backoff, new Ec2Errors(settings, !given.isEmpty()),
        System::nanoTime);
    return new Ec2Session(client, http, calls, settings);
  }
}
