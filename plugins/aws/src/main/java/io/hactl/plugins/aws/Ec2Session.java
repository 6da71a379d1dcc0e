package io.hactl.plugins.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * An EC2 client for one provider call, with the calls wrapper that retries and maps its errors.
 * Closing it stops the calls' workers and closes the client and its HTTP client (the SDK does not
 * close an HTTP client it was given).
 */
record Ec2Session(Ec2Client client, SdkHttpClient http, Ec2Calls calls, AwsSettings settings)
    implements AutoCloseable {

  @Override
  public void close() {
    try {
      calls.close();
      client.close();
    } finally {
      http.close();
    }
  }
}
