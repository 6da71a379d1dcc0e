package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into one-line {@link ProviderException} messages: what hactl tried,
 * EC2's error code, and what to do. EC2's own messages are kept where they name the thing at
 * fault (an instance id, a parameter), dropped where they are long and opaque (the encoded
 * authorization message of UnauthorizedOperation).
 */
final class Ec2Errors {
  /** Codes EC2 (and AWS's query services) use when a caller exceeded its request rate. */
  static final Set<String> THROTTLING = Set.of("RequestLimitExceeded", "Throttling",
      "ThrottlingException", "RequestThrottled", "RequestThrottledException",
      "TooManyRequestsException");

  private static final Set<String> BAD_CREDENTIALS = Set.of("AuthFailure",
      "InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature",
      "InvalidAccessKeyId", "ExpiredToken", "RequestExpired", "OptInRequired", "Blocked");
  private static final Set<String> NOT_ALLOWED = Set.of("UnauthorizedOperation", "AccessDenied",
      "AccessDeniedException");

  private final AwsSettings settings;
  private final String credentialsReference;
  private final String advice;

  /** Errors of calls with the credentials the settings name, looked up where hactl runs. */
  Ec2Errors(AwsSettings settings) {
    this(settings, false);
  }

  /**
   * @param stored whether the calls use the key hactl stored for the controllers (resolved on
   *     the client), which a refusal then names as such, advising {@code update-credentials}
   */
  Ec2Errors(AwsSettings settings, boolean stored) {
    this.settings = settings;
    this.credentialsReference = stored
        ? "the key hactl stored for the controllers (from " + settings.credentialsReference()
            + ")"
        : settings.credentialsReference();
    this.advice = stored ? "; if it was rotated, run `hactl update-credentials`" : "";
  }

  static boolean isThrottling(AwsServiceException e) {
    return e.isThrottlingException() || THROTTLING.contains(code(e));
  }

  static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "" : e.awsErrorDetails().errorCode();
  }

  /**
   * @param action what hactl tried, e.g. "start instance for machine 3"
   * @param operation the EC2 API operation, e.g. "RunInstances"
   */
  ProviderException map(String action, String operation, SdkException e) {
    if (e instanceof AwsServiceException service) {
      return new ProviderException(
          "cannot " + action + ": " + service(operation, service), e);
    }
    if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
      return interrupted(action, e);
    }
    if (e instanceof ApiCallTimeoutException) {
      return new ProviderException("cannot " + action + ": EC2 did not answer " + operation
          + " in time at " + where() + "; check the network or try again", e);
    }
    if (e instanceof SdkClientException) {
      return new ProviderException("cannot " + action + ": cannot reach EC2 at " + where()
          + ": " + oneLine(e.getMessage()) + "; check the endpoint and the network", e);
    }
    return new ProviderException("cannot " + action + ": " + oneLine(e.getMessage()), e);
  }

  ProviderException throttled(String action, int attempts, Duration elapsed,
      AwsServiceException last) {
    return new ProviderException("cannot " + action + ": EC2 throttled all " + attempts
        + " attempts in " + seconds(elapsed) + " s (" + code(last) + "); the account's API request rate is exhausted, try again later",
        last);
  }

  /**
   * EC2 kept refusing to delete a security group with DependencyViolation for all of {@code
   * elapsed}: after destroy, the usual holder is an instance that EC2 lists as terminated but has
   * not let go of yet, which takes a few minutes at most.
   */
  ProviderException stillInUse(String action, Duration elapsed, AwsServiceException last) {
    String message = last.awsErrorDetails() == null ? ""
        : oneLine(last.awsErrorDetails().errorMessage());
    return new ProviderException("cannot " + action + ": EC2 still counts it in use after "
        + seconds(elapsed) + " s (" + code(last) + (message.isEmpty() ? "" : ": " + message)
        + "), most likely by the environment's terminated instances, which EC2 releases within"
        + " minutes; run destroy-environment again", last);
  }

  ProviderException interrupted(String action, Throwable cause) {
    return new ProviderException("interrupted while trying to " + action
        + "; EC2 may or may not have done it: list the instances to see", cause);
  }

  private String service(String operation, AwsServiceException e) {
    String code = code(e);
    String message = e.awsErrorDetails() == null ? "" : oneLine(e.awsErrorDetails().errorMessage());
    // EC2 answers AuthFailure with HTTP 401, and the JDK's HttpURLConnection (under the SDK's
    // URLConnection client) drops the body of a 401 to a streamed POST: the status is all that
    // is left, and it means the same.
    if (BAD_CREDENTIALS.contains(code) || code.isEmpty() && e.statusCode() == 401) {
      return "credentials refused by EC2 (" + (code.isEmpty() ? "HTTP 401" : code)
          + "): check that "
          + credentialsReference + " holds a valid, active access key for region "
          + settings.region() + advice;
    }
    if (NOT_ALLOWED.contains(code) || code.isEmpty() && e.statusCode() == 403) {
      return "credentials refused by EC2 (" + (code.isEmpty() ? "HTTP 403" : code)
          + "): check that the access key of "
          + credentialsReference + " is allowed ec2:" + operation + " in region "
          + settings.region() + advice;
    }
    if (code.startsWith("InvalidInstanceID.")) {
      return "no such instance in region " + settings.region() + " (" + code + ": " + message
          + ")";
    }
    if (code.startsWith("InvalidAMIID.")) {
      return "image-id " + settings.imageId() + " is not an AMI available in region "
          + settings.region() + " (" + code + "); set image-id to an AMI of that region";
    }
    if (code.equals("InsufficientInstanceCapacity") || code.equals("Unsupported")) {
      return "EC2 cannot supply that instance there (" + code + ": " + message
          + "); try another zone (--to zone=...) or instance-type";
    }
    if (code.equals("InstanceLimitExceeded") || code.equals("VcpuLimitExceeded")) {
      return "the account's instance limit is reached (" + code + ": " + message
          + "); stop machines or ask AWS for a higher limit";
    }
    String what = code.isEmpty() ? "HTTP " + e.statusCode() : code;
    return "EC2 refused " + operation + " (" + what + (message.isEmpty() ? "" : ": " + message)
        + ")";
  }

  private String where() {
    return settings.endpoint().map(Object::toString)
        .orElse("the " + settings.region() + " endpoint");
  }

  private static String seconds(Duration elapsed) {
    return String.format(Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }
}
